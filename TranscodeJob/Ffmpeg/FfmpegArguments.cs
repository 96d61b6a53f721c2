using System.Globalization;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Pure functions from a plan to an argument list. Nothing here runs a process, so every list is tested by value.
/// </summary>
internal static partial class FfmpegArguments
{
    /// <summary>
    /// Demuxers a source may be read with. Uploads are untrusted: without a list, a "video" could be an HLS or
    /// concat playlist that makes ffmpeg open other files or URLs, or a text file the tty demuxer renders. The audio
    /// files podcasts, music and voice memos come in: MP3, ADTS AAC, FLAC, WAV, AIFF, AMR (M4A is <c>mov</c>, Opus
    /// and Vorbis <c>ogg</c>, MKA and WebM audio <c>matroska</c>).
    /// </summary>
    public const string AllowedDemuxers =
        "mov,matroska,avi,flv,mpegts,mpeg,mpegvideo,asf,ogg,mxf,dv,nut,gif,ivf,h264,hevc,m4v,rm,wtv,yuv4mpegpipe,"
        + "mp3,aac,flac,wav,aiff,amr";

    // Local files only (no http:, no concat:, no pipes to other processes).
    internal const string AllowedProtocols = "file";

    /// <summary>
    /// An absolute <c>file:</c> URL: a name that starts with '-' or holds ':' is never read as an option or a
    /// protocol.
    /// </summary>
    public static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>
    /// What every ffprobe of the source reads and opens, and no more: local files, the listed demuxers, at most
    /// <see cref="SourceLimits.MaxStreams"/> streams, a bounded probe, the decoders allowed for each kind of stream,
    /// pictures no larger than the limit, one thread per decoder, no allocation over the limit.
    /// </summary>
    private static IReadOnlyList<string> ProbeInput(SourceInput source) =>
    [
        "-v", "error", "-hide_banner",
        "-max_alloc", Invariant($"{SourceLimits.MaxAllocationBytes}"),
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        // One more than the limit, so that a file with too many streams still opens and is refused by name.
        "-max_streams", Invariant($"{SourceLimits.MaxStreams + 1}"),
        "-probesize", Invariant($"{SourceLimits.ProbeBytes}"),
        "-analyzeduration", Invariant($"{(long)SourceLimits.AnalyzeDuration.TotalMicroseconds}"),
        .. Decoders.ProbeAllowLists,
        "-max_pixels", Invariant($"{source.MaxPixelsPerFrame}"),
        "-threads", "1",
    ];

    /// <summary>
    /// The streams' kinds, without reading stream info: no packet is decoded, so a file of 200 4K video tracks is
    /// counted and refused before ffprobe decodes a frame of any of them.
    /// </summary>
    public static IReadOnlyList<string> ForInventory(SourceInput source) =>
    [
        .. ProbeInput(source),
        "-nofind_stream_info",
        "-show_entries", "stream=index,codec_type:stream_disposition=attached_pic",
        "-print_format", "csv=p=0",
        FileUrl(source.Path),
    ];

    public static IReadOnlyList<string> ForProbe(SourceInput source) =>
    [
        .. ProbeInput(source),
        "-print_format", "json", "-show_format", "-show_streams",
        FileUrl(source.Path),
    ];

    /// <summary>
    /// Every packet's stream, timestamps and duration as CSV lines, read by demuxing only (no decoding beyond the
    /// stream-info pass): the source's real duration, its timeline's gaps and frame spacing, and whether the demuxer
    /// hits damage before the end.
    /// </summary>
    public static IReadOnlyList<string> ForPacketScan(SourceInput source) =>
    [
        .. ProbeInput(source),
        "-show_entries", "packet=stream_index,pts_time,dts_time,duration_time,flags",
        "-print_format", "csv=p=0",
        FileUrl(source.Path),
    ];

    /// <summary>Probe of an output the job just wrote (MP4 or JPEG, so no demuxer list).</summary>
    public static IReadOnlyList<string> ForOutputProbe(string outputPath) =>
    [
        "-v", "error", "-hide_banner",
        "-protocol_whitelist", AllowedProtocols,
        "-print_format", "json", "-show_format", "-show_streams",
        FileUrl(outputPath),
    ];

    /// <summary>One rung in its own process (per-rendition mode): decode, filter, encode to a CMAF video track.</summary>
    public static IReadOnlyList<string> ForRendition(
        SourceInput source, int videoStreamIndex, RenditionPlan plan, EncoderSettings encoder, string outputPath)
    {
        return
        [
            .. Preamble(progress: true),
            .. SourceArguments(source),
            "-map", Invariant($"0:{videoStreamIndex}"),
            "-vf", string.Join(',', PictureFilters.Head(plan).Append(PictureFilters.Rung(plan.Width, plan.Height))),
            .. VideoTrackOutput(plan, encoder, outputPath),
        ];
    }

    /// <summary>One audio rendition alone (per-rendition mode).</summary>
    public static IReadOnlyList<string> ForAudio(SourceInput source, AudioPlan audio, EncoderSettings encoder, string outputPath) =>
    [
        .. Preamble(progress: true),
        .. SourceArguments(source),
        .. AudioTrackOutput(audio, encoder, outputPath),
    ];

    /// <summary>
    /// The options every ffmpeg run starts with: no banner, no stdin, overwrite, warnings and errors with their level
    /// (so that the error lines can be told apart), local files only; with <paramref name="progress"/>, progress as
    /// key=value blocks on stdout, read line by line.
    /// </summary>
    /// <param name="protocols">What the first input may be read with: local files, unless it is the source read over
    /// HTTP by a chunk of a long source (<see cref="SourceInput.Protocols"/>).</param>
    private static IReadOnlyList<string> Preamble(bool progress, string protocols = AllowedProtocols) =>
    [
        "-hide_banner", "-nostdin", "-y",
        "-loglevel", "level+warning",
        .. progress ? ["-progress", "pipe:1", "-nostats"] : Array.Empty<string>(),
        "-max_alloc", Invariant($"{SourceLimits.MaxAllocationBytes}"),
        "-protocol_whitelist", protocols,
    ];

    /// <summary>
    /// The untrusted source as input: known demuxers, at most the stream limit, the transcoded decoders only, pictures
    /// no larger than the limit; <paramref name="seek"/> before <c>-i</c> is a fast seek to the nearest keyframe (read
    /// from the source's own keyframe before it where the demuxer cannot find one, <see cref="SourceInput.SeekKeyframes"/>), and
    /// <paramref name="length"/> reads that much of the input from there. Without <paramref name="accurateSeek"/> the
    /// frames between that keyframe and the seek point are kept (with times before it) instead of dropped.
    /// </summary>
    /// <param name="decoders">The decoders the input may open: the transcoded ones unless a pass reads other streams.</param>
    private static IReadOnlyList<string> SourceArguments(
        SourceInput source, TimeSpan? seek = null, TimeSpan? length = null, bool accurateSeek = true, string decoders = Decoders.Transcoded)
    {
        var arguments = new List<string>
        {
            "-format_whitelist", AllowedDemuxers,
            "-max_streams", Invariant($"{SourceLimits.MaxStreams + 1}"),
            "-codec_whitelist", decoders,
            "-max_pixels", Invariant($"{source.MaxPixelsPerFrame}"),
        };
        arguments.AddRange(source.RemoteOptions());
        // Where the read starts, when the demuxer cannot find a keyframe itself: this much before the seek point. The
        // times are shifted back by as much, so that the frames before the seek point are dropped (or kept, with times
        // before it) exactly as after a seek to it.
        var ahead = seek is { } target ? target - source.ReadFrom(target) : TimeSpan.Zero;
        var offset = source.LeadIn + ahead + (source.SystemStream ? MpegSystemStreams.StartPin : TimeSpan.Zero);
        if (source.SystemStream)
        {
            arguments.AddRange(["-dts_delta_threshold", Invariant($"{MpegSystemStreams.JumpThreshold(source.LeadIn).TotalSeconds:0.######}")]);
        }

        if (offset > TimeSpan.Zero)
        {
            // ffmpeg's output zero is the container's start; shifted back, it is the first picture or sound. A seek
            // counts from the container's start too.
            arguments.AddRange(["-itsoffset", Invariant($"-{offset.TotalSeconds:0.######}")]);
        }

        if (seek is { } at)
        {
            if (!accurateSeek)
            {
                arguments.Add("-noaccurate_seek");
            }

            // Microseconds: a chunk's first frame at 30000/1001 fps is not a whole millisecond, nor is a read that
            // starts before a keyframe.
            var seconds = (at - ahead + source.LeadIn).TotalSeconds;
            arguments.AddRange(["-ss", accurateSeek && ahead == TimeSpan.Zero ? Invariant($"{seconds:0.###}") : Invariant($"{seconds:0.######}")]);
        }

        if (length is { } span)
        {
            arguments.AddRange(["-t", Invariant($"{span.TotalSeconds:0.######}"), .. OneDecoderThread]);
        }

        arguments.AddRange(["-i", source.Url]);
        return arguments;
    }

    /// <summary>A file the job wrote itself (a CMAF track, thumbnails) as input.</summary>
    private static IReadOnlyList<string> OwnInput(string path) => ["-i", FileUrl(path)];

    /// <summary>
    /// A decoder's frame threads cost more than they save on the few frames of a window (the quality measurement's, the
    /// analysis's): one thread each. Measured on a 2160p quality window: 22% less CPU, the same wall time, since the
    /// window's five decoders already run side by side.
    /// </summary>
    private static readonly string[] OneDecoderThread = ["-threads", "1"];

    /// <summary>
    /// The same for the filters of a measurement (the quality windows', the trials' scoring): their slice threads split
    /// each picture's scale, SSIM and PSNR across cores for a few dozen pictures. One thread: 8–12% less CPU on 30 s of
    /// 1080p; the decoders beside them still use the other core.
    /// </summary>
    private static readonly string[] OneFilterThread = ["-filter_complex_threads", "1"];

    /// <summary>Encoder and muxer options of one video rung's output (its input is already mapped).</summary>
    /// <param name="firstFrame">For a chunk of a long source: its first frame's number in the whole output; it cuts its
    /// own end (<see cref="ForLadderChunk"/>).</param>
    private static IReadOnlyList<string> VideoTrackOutput(RenditionPlan plan, EncoderSettings encoder, string outputPath, long? firstFrame = null)
    {
        // Source metadata (GPS position, device, titles) and chapters stay with the source.
        var arguments = new List<string> { "-map_metadata", "-1", "-map_chapters", "-1" };
        arguments.AddRange(RungEncoder(plan, encoder, plan.Crf));
        arguments.AddRange(firstFrame is { } first ? OutputTiming(plan, encoder, first, cutAtDuration: false) : OutputTiming(plan, encoder));
        if (plan.ToneMap)
        {
            arguments.AddRange(["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"]);
        }

        arguments.AddRange(
        [
            "-an", "-sn", "-dn",
            // CMAF: one track, a fragment at every keyframe (so on the aligned GOP boundaries), the moov first and
            // empty, no mfra trailer; the playlists index the fragments by byte range.
            "-f", "mp4", "-movflags", "+cmaf+frag_keyframe+empty_moov+default_base_moof+skip_trailer",
            FileUrl(outputPath),
        ]);
        return arguments;
    }

    /// <summary>
    /// A rung's encoder, x264 or SVT-AV1 by its codec, at <paramref name="crf"/> (null: the ladder's factor for the
    /// codec) under its VBV cap: the rung's own track and the per-title analysis's trial encodes of it, so that a trial
    /// predicts what the encode makes.
    /// </summary>
    private static IReadOnlyList<string> RungEncoder(RenditionPlan plan, EncoderSettings encoder, int? crf) =>
        plan.Codec == VideoCodecs.Av1
            ? Av1Encoder(plan, crf is { } av1Crf ? encoder.Av1 with { Crf = av1Crf } : encoder.Av1)
            : VideoEncoder(plan, encoder, crf ?? encoder.Crf);

    /// <summary>x264 at a rate factor under the rung's VBV cap (capped CRF).</summary>
    private static IReadOnlyList<string> VideoEncoder(RenditionPlan plan, EncoderSettings encoder, int crf) =>
    [
        "-c:v", "libx264", "-preset", encoder.Preset, "-profile:v", "high",
        // CEA-608 captions in the source's SEI are delivered as a WebVTT track; the renditions carry none on, so
        // that players offer them once and every variant can say CLOSED-CAPTIONS=NONE.
        "-a53cc", "0",
        "-crf", Invariant($"{crf}"),
        .. RateCap(plan),
    ];

    /// <summary>
    /// SVT-AV1 under capped CRF (SVT-AV1 1.4 caps a CRF encode by <c>-maxrate</c>). It ignores the keyframes ffmpeg
    /// forces unless told to honour them, and without them its key frames would drift off the H.264 rungs' wherever
    /// the forced times are not whole GOPs of frames (29.97 fps).
    /// </summary>
    private static IReadOnlyList<string> Av1Encoder(RenditionPlan plan, Av1Settings av1) =>
    [
        "-c:v", "libsvtav1", "-preset", Invariant($"{av1.Preset}"), "-crf", Invariant($"{av1.Crf}"),
        "-svtav1-params", "enable-force-key-frames=1",
        .. RateCap(plan),
    ];

    /// <summary>Every video rung's VBV cap and 8-bit 4:2:0 picture, whatever its codec.</summary>
    private static IReadOnlyList<string> RateCap(RenditionPlan plan) =>
    [
        "-maxrate", Invariant($"{plan.VideoKbps}k"), "-bufsize", Invariant($"{plan.BufferKbits}k"),
        "-pix_fmt", "yuv420p",
    ];

    /// <summary>
    /// The frame timing of every video rung: a constant frame rate and a keyframe every GOP on the same frames in every
    /// rendition (<see cref="KeyframeGrid"/>), so fragments and segments line up for adaptive streaming. One place for
    /// every mode: a chunk of a long source passes the whole output's number of its first frame, and cuts its own end.
    /// </summary>
    public static IReadOnlyList<string> OutputTiming(RenditionPlan plan, EncoderSettings encoder, long firstFrame = 0, bool cutAtDuration = true)
    {
        var gopFrames = Math.Max(1, (int)Math.Round(plan.FrameRate.Value * encoder.GopSeconds));
        List<string> timing =
        [
            "-r", plan.FrameRate.ToString(), "-fps_mode", "cfr",
            "-g", Invariant($"{gopFrames}"), "-keyint_min", Invariant($"{gopFrames}"), "-sc_threshold", "0",
            "-force_key_frames", new KeyframeGrid(plan.FrameRate, encoder.GopSeconds).ForceKeyFrames(firstFrame),
        ];
        if (cutAtDuration && plan.Duration > TimeSpan.Zero)
        {
            // The source's real length, not more: a held last frame is padded up to it (HoldLastFrame), never past.
            timing.AddRange(["-t", DurationText(plan.Duration)]);
        }

        return timing;
    }

    /// <summary>
    /// A duration as <c>-t</c> gets it (milliseconds): the one rounding, so that a chunk can count the frames the whole
    /// encode keeps (<see cref="KeyframeGrid"/>'s frames before it).
    /// </summary>
    public static string DurationText(TimeSpan duration) => Invariant($"{duration.TotalSeconds:0.###}");

    /// <summary>
    /// One audio rendition's output: its source track, downmixed to stereo (mono stays mono) AAC-LC at 48 kHz, cut at
    /// the source's span, as a CMAF audio track; the loudness measured on the way (<see cref="AudioFilters"/>).
    /// </summary>
    private static IReadOnlyList<string> AudioTrackOutput(AudioPlan audio, EncoderSettings encoder, string outputPath) =>
    [
        "-map", Invariant($"0:{audio.Track.Index}"),
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-vn", "-sn", "-dn",
        "-c:a", "aac", "-b:a", Invariant($"{audio.Kbps}k"),
        "-ac", Invariant($"{audio.Facts.Channels}"), "-ar", "48000",
        "-af", AudioFilters(audio, Path.Combine(Path.GetDirectoryName(outputPath) ?? ".", audio.LoudnessFileName)),
        // A longer second language must not outlast the picture (nor a longer track the others, audio only).
        .. audio.Duration > TimeSpan.Zero ? ["-t", Invariant($"{audio.Duration.TotalSeconds:0.###}")] : Array.Empty<string>(),
        // A fragment every GOP length: audio segments about as long as the video's.
        "-frag_duration", Invariant($"{(long)(encoder.GopSeconds * 1_000_000)}"),
        "-f", "mp4", "-movflags", "+cmaf+empty_moov+default_base_moof+skip_trailer",
        FileUrl(outputPath),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
