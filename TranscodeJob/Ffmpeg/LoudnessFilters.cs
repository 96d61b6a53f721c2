using System.Globalization;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// The audio encode's filter chain: EBU R128 measurement (ffmpeg's <c>ebur128</c>, true peak on) written as frame
/// metadata to a file the job reads after the encode. The measurement rides on the decode the encode already makes:
/// no second pass over the source for it.
/// </summary>
internal static class LoudnessFilters
{
    /// <summary>
    /// <c>ebur128=peak=true:metadata=1,ametadata=mode=print:file=…</c>. ebur128 emits a frame every 100 ms, each
    /// carrying the running values; the last frame's are the whole track's (about 8 MB of text an hour of audio).
    /// </summary>
    public static string Measure(string reportPath) =>
        "ebur128=peak=true:metadata=1,ametadata=mode=print:file=" + FilterGraphText.Value(reportPath);

    /// <summary>To stereo (or mono) as <c>-ac</c> would, so that what is measured is what is encoded.</summary>
    public static string Downmix(int channels) => channels >= 2 ? "aformat=channel_layouts=stereo" : "aformat=channel_layouts=mono";

    /// <summary>
    /// <c>loudnorm</c> in its linear mode: one gain for the whole track from the measured values, no dynamic
    /// compression. loudnorm itself falls back to its dynamic mode when that gain would lift the true peak over the
    /// ceiling. The relative gate (<c>measured_thresh</c>) is the integrated loudness less 10 LU, as BS.1770 defines
    /// it; linear mode only checks that it was given.
    /// </summary>
    public static string Normalise(LoudnessNormalisation normalisation)
    {
        var (target, measured) = (normalisation.Target, normalisation.Measured);
        var lra = Math.Clamp(measured.RangeLu, 1, 20);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"loudnorm=I={target.Lufs}:TP={target.TruePeakDbtp}:LRA={lra}:measured_I={Math.Max(-99, measured.IntegratedLufs)}:measured_LRA={measured.RangeLu}:measured_TP={Math.Max(-99, measured.TruePeakDbtp)}:measured_thresh={Math.Max(-99, measured.IntegratedLufs - 10)}:linear=true:print_format=none");
    }
}
