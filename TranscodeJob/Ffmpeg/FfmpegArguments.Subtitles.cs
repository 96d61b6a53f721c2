using Transcoder.TranscodeJob.Limits;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    // The source as the packet scan reads it: 4 seconds of 30 fps video, enough to meet a broadcaster's captions,
    // which carry CEA-608 data (text or padding) in every picture.
    private const int ClosedCaptionProbePackets = 120;

    /// <summary>
    /// Every listed text subtitle stream to its own WebVTT file, in one read of the source. Only the text subtitle
    /// decoders may open; timestamps stay on the source's clock (<c>-copyts</c>) and the job places the cues on the
    /// outputs' timeline itself (<see cref="Subtitles.CueTimeline"/>), with the same shift the encode applies.
    /// </summary>
    public static IReadOnlyList<string> ForSubtitleExtraction(SourceInput source, IReadOnlyList<(int StreamIndex, string OutputPath)> streams) =>
    [
        .. Preamble(progress: false),
        "-copyts",
        .. SourceArguments(source with { LeadIn = TimeSpan.Zero }, decoders: Decoders.TextSubtitles),
        .. streams.SelectMany(s => new[] { "-map", Invariant($"0:{s.StreamIndex}"), "-c:s", "webvtt", "-f", "webvtt", FileUrl(s.OutputPath) }),
    ];

    /// <summary>
    /// The side data of the video's first frames, decoded under the probe's allow-lists and limits: whether the video
    /// carries CEA-608 captions (<c>ATSC A53 Part 4 Closed Captions</c>) in its SEI messages.
    /// </summary>
    public static IReadOnlyList<string> ForClosedCaptionProbe(SourceInput source, int videoStreamIndex) =>
    [
        .. ProbeInput(source),
        "-select_streams", Invariant($"{videoStreamIndex}"),
        "-read_intervals", Invariant($"%+#{ClosedCaptionProbePackets}"),
        "-show_entries", "frame_side_data=side_data_type",
        "-print_format", "csv=p=0",
        FileUrl(source.Path),
    ];

    /// <summary>
    /// The CEA-608 captions of the video stream to WebVTT. ffmpeg's command line cannot output a decoder's caption
    /// side data; its <c>movie</c> source can, as a second output (<c>[out0+subcc]</c>), decoded by <c>cc_dec</c>. The
    /// source opens the file itself, so the graph passes it what the command line's input options would: the demuxer
    /// the probe found (<paramref name="demuxer"/>, one of <see cref="AllowedDemuxers"/>), and as its format options
    /// the protocol, demuxer and decoder allow-lists and the probe bounds. Run after the encode, which has decoded
    /// the same stream under <c>-max_pixels</c>; <c>-max_alloc</c> bounds the whole process.
    /// </summary>
    public static IReadOnlyList<string> ForClosedCaptionExtraction(SourceInput source, string demuxer, int videoStreamIndex, string outputPath)
    {
        var formatOptions = string.Join(':',
            $"protocol_whitelist={AllowedProtocols}",
            $"format_whitelist={AllowedDemuxers}",
            $"codec_whitelist={Decoders.Video}",
            Invariant($"max_streams={SourceLimits.MaxStreams + 1}"),
            Invariant($"probesize={SourceLimits.ProbeBytes}"),
            Invariant($"analyzeduration={(long)SourceLimits.AnalyzeDuration.TotalMicroseconds}"));
        var movie = FilterGraphText.Filter("movie",
            ("filename", FileUrl(source.Path)),
            ("f", demuxer),
            ("s", Invariant($"{videoStreamIndex}")),
            ("format_opts", formatOptions));
        return
        [
            .. Preamble(progress: false),
            "-copyts",
            "-codec_whitelist", Decoders.ClosedCaptions,
            "-f", "lavfi", "-i", movie + "[out0+subcc]",
            "-map", "0:s", "-c:s", "webvtt", "-f", "webvtt", FileUrl(outputPath),
        ];
    }
}
