using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The loudness measurement a normalisation needs before the encode: the kept audio track alone, decoded,
    /// downmixed as the encode downmixes it, measured, and thrown away. No video is decoded: it costs a small part
    /// of the encode (docs/job.md, "Loudness").
    /// </summary>
    public static IReadOnlyList<string> ForLoudnessMeasurement(SourceInput source, AudioPlan audio, string reportPath) =>
    [
        .. Preamble(progress: false),
        .. SourceArguments(source),
        "-map", Invariant($"0:{audio.Track.Index}"),
        "-vn", "-sn", "-dn",
        "-af", string.Join(',', LoudnessFilters.Downmix(audio.Track.Channels), LoudnessFilters.Measure(reportPath)),
        "-f", "null", "-",
    ];

    /// <summary>The audio encode's filters: the downmix, the normalisation when asked for, the measurement.</summary>
    internal static string AudioFilters(AudioPlan audio, string reportPath)
    {
        var filters = new List<string> { LoudnessFilters.Downmix(audio.Track.Channels) };
        if (audio.Normalisation is { } normalisation)
        {
            // loudnorm works at 192 kHz; back to the encode's rate before the measurement, which is then cheaper.
            filters.Add(LoudnessFilters.Normalise(normalisation));
            filters.Add("aresample=48000");
        }

        filters.Add(LoudnessFilters.Measure(reportPath));
        return string.Join(',', filters);
    }
}
