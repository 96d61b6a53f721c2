using System.Globalization;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// A loudness to normalise the audio to: EBU R128's −23 LUFS (broadcast) or a streaming service's −16 or −14 LUFS,
/// under a true-peak ceiling. Chosen in the ladder file (<c>"loudness": "ebu"</c>, <c>"truePeak": -1</c>).
/// </summary>
internal sealed record LoudnessTarget(double Lufs, double TruePeakDbtp)
{
    public const double DefaultTruePeakDbtp = -1;

    /// <summary>The names the ladder file accepts, for its error message.</summary>
    public const string Names = "ebu (-23), -16, -14";

    /// <summary>Null when <paramref name="name"/> is none of <see cref="Names"/>.</summary>
    public static LoudnessTarget? Parse(string name, double truePeakDbtp) =>
        name.Trim().ToLowerInvariant() switch
        {
            "ebu" or "r128" or "-23" => new LoudnessTarget(-23, truePeakDbtp),
            "-16" => new LoudnessTarget(-16, truePeakDbtp),
            "-14" => new LoudnessTarget(-14, truePeakDbtp),
            _ => null,
        };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Lufs}:{TruePeakDbtp}");
}
