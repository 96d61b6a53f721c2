using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The loudness measurement a normalisation needs before the encode: every audio track, each decoded once,
    /// downmixed as the encode downmixes it, measured into its own report, and thrown away. No video is decoded: it
    /// costs a small part of the encode (docs/job.md, "Loudness"). One output, one stream per track, each with its
    /// own filters (<c>-filter:a:N</c>).
    /// </summary>
    /// <param name="reportPaths">One report per audio plan, in their order.</param>
    public static IReadOnlyList<string> ForLoudnessMeasurement(SourceInput source, IReadOnlyList<AudioPlan> audio, IReadOnlyList<string> reportPaths) =>
    [
        .. Preamble(progress: false),
        .. SourceArguments(source),
        .. audio.SelectMany(a => new[] { "-map", Invariant($"0:{a.Track.Index}") }),
        "-vn", "-sn", "-dn",
        .. audio.SelectMany((a, i) => new[]
        {
            Invariant($"-filter:a:{i}"), string.Join(',', LoudnessFilters.Downmix(a.Track.Channels), LoudnessFilters.Measure(reportPaths[i])),
        }),
        "-f", "null", "-",
    ];

    /// <summary>The audio encode's filters: the downmix, the normalisation when asked for, the measurement.</summary>
    internal static string AudioFilters(AudioPlan audio, string reportPath)
    {
        var downmix = LoudnessFilters.Downmix(audio.Track.Channels);
        var filters = new List<string> { downmix };
        if (audio.Normalisation is { } normalisation)
        {
            // loudnorm works at 192 kHz; back to the encode's rate before the measurement, which is then cheaper. Its
            // output's channel layout is left open when it runs linear on a track that measured a loudness range of 0
            // (a steady tone, a short clip), and ebur128 cannot be linked to an open layout: the downmix's, again.
            filters.Add(LoudnessFilters.Normalise(normalisation));
            filters.Add("aresample=48000");
            filters.Add(downmix);
        }

        filters.Add(LoudnessFilters.Measure(reportPath));
        return string.Join(',', filters);
    }
}
