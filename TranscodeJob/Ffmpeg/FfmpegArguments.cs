using System.Globalization;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Pure functions from a plan to an argument list. Nothing here runs a process, so every list is tested by value.
/// </summary>
internal static partial class FfmpegArguments
{
    /// <summary>
    /// Demuxers a source may be read with. Uploads are untrusted: without a list, a "video" could be an HLS or
    /// concat playlist that makes ffmpeg open other files or URLs, or a text file the tty demuxer renders.
    /// </summary>
    public const string AllowedDemuxers =
        "mov,matroska,avi,flv,mpegts,mpeg,mpegvideo,asf,ogg,mxf,dv,nut,gif,ivf,h264,hevc,m4v,rm,wtv,yuv4mpegpipe";

    // Local files only (no http:, no concat:, no pipes to other processes).
    private const string AllowedProtocols = "file";

    /// <summary>
    /// Decoders a source may use: the video and audio formats cameras, phones, browsers, editors and broadcast
    /// capture write. Every other decoder in ffmpeg (hundreds, many rarely exercised) stays closed to uploads.
    /// </summary>
    public const string AllowedDecoders =
        "h264,hevc,vp8,vp9,av1,libdav1d,libaom-av1,mpeg4,msmpeg4v3,h263,mpeg1video,mpeg2video,mjpeg,prores,dnxhd,ffv1,vc1,wmv3,wmv2,theora,flv,rawvideo,dvvideo,"
        + "aac,aac_fixed,aac_latm,mp3,mp3float,mp2,mp2float,ac3,ac3_fixed,eac3,dca,truehd,opus,libopus,vorbis,flac,alac,wmav2,wmapro,amrnb,amrwb,"
        + "pcm_s16le,pcm_s16be,pcm_s24le,pcm_s24be,pcm_s32le,pcm_f32le,pcm_u8,pcm_mulaw,pcm_alaw";

    /// <summary>
    /// An absolute <c>file:</c> URL: a name that starts with '-' or holds ':' is never read as an option or a
    /// protocol.
    /// </summary>
    public static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    public static IReadOnlyList<string> ForProbe(string inputPath) =>
    [
        "-v", "error", "-hide_banner",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        "-codec_whitelist", AllowedDecoders,
        "-print_format", "json", "-show_format", "-show_streams",
        FileUrl(inputPath),
    ];

    /// <summary>
    /// Every packet's stream, timestamps and duration as CSV lines, read by demuxing only (no decoding): the source's
    /// real duration, its timeline's gaps, and whether the demuxer hits damage before the end.
    /// </summary>
    public static IReadOnlyList<string> ForPacketScan(string inputPath) =>
    [
        "-v", "error", "-hide_banner",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        "-show_entries", "packet=stream_index,pts_time,dts_time,duration_time",
        "-print_format", "csv=p=0",
        FileUrl(inputPath),
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
        string inputPath, int videoStreamIndex, RenditionPlan plan, EncoderSettings encoder, string outputPath)
    {
        var arguments = new List<string>(InputArguments(inputPath))
        {
            "-map", Invariant($"0:{videoStreamIndex}"),
            "-vf", VideoFilter(plan.Width, plan.Height, plan.ToneMap, plan.Deinterlace, hold: HoldLastFrame(plan)),
        };
        arguments.AddRange(VideoTrackOutput(plan, encoder, outputPath));
        return arguments;
    }

    /// <summary>The audio rendition alone (per-rendition mode).</summary>
    public static IReadOnlyList<string> ForAudio(string inputPath, AudioPlan audio, EncoderSettings encoder, string outputPath) =>
    [
        .. InputArguments(inputPath),
        .. AudioTrackOutput(audio, encoder, outputPath),
    ];

    /// <summary>The storyboard's sprite sheets alone (per-rendition mode).</summary>
    public static IReadOnlyList<string> ForStoryboard(
        string inputPath, int videoStreamIndex, RenditionPlan top, StoryboardPlan storyboard, string sheetPattern) =>
    [
        .. InputArguments(inputPath),
        "-map", Invariant($"0:{videoStreamIndex}"),
        "-vf", StoryboardFilter(top, storyboard),
        .. StoryboardOutput(sheetPattern),
    ];

    /// <summary>
    /// A progressive-download MP4 (video + audio, <c>+faststart</c>) from a CMAF video track and the audio track:
    /// a copy, no second encode.
    /// </summary>
    public static IReadOnlyList<string> ForProgressive(string videoTrackPath, string? audioTrackPath, string outputPath)
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-y",
            "-loglevel", "level+warning",
            "-protocol_whitelist", AllowedProtocols,
            "-i", FileUrl(videoTrackPath),
        };
        if (audioTrackPath is not null)
        {
            arguments.AddRange(["-i", FileUrl(audioTrackPath)]);
        }

        arguments.AddRange(["-map", "0:v:0"]);
        if (audioTrackPath is not null)
        {
            arguments.AddRange(["-map", "1:a:0"]);
        }

        arguments.AddRange(["-c", "copy", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", FileUrl(outputPath)]);
        return arguments;
    }

    /// <summary>
    /// ffmpeg's options before <c>-i</c> for an untrusted source: quiet logs with warnings, progress as key=value
    /// lines on stdout, local files only, known demuxers only.
    /// </summary>
    private static IReadOnlyList<string> InputArguments(string inputPath) =>
    [
        "-hide_banner", "-nostdin", "-y",
        "-loglevel", "level+warning",
        // Progress as key=value blocks on stdout, read line by line.
        "-progress", "pipe:1", "-nostats",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        "-codec_whitelist", AllowedDecoders,
        "-i", FileUrl(inputPath),
    ];

    /// <summary>Encoder and muxer options of one video rung's output (its input is already mapped).</summary>
    private static IReadOnlyList<string> VideoTrackOutput(RenditionPlan plan, EncoderSettings encoder, string outputPath)
    {
        var arguments = new List<string>
        {
            // Source metadata (GPS position, device, titles) and chapters stay with the source.
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-c:v", "libx264", "-preset", encoder.Preset, "-profile:v", "high",
            "-crf", Invariant($"{encoder.Crf}"),
            "-maxrate", Invariant($"{plan.VideoKbps}k"), "-bufsize", Invariant($"{plan.VideoKbps * 2}k"),
            "-pix_fmt", "yuv420p",
        };
        arguments.AddRange(OutputTiming(plan, encoder));
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
    /// The frame timing of every video rung: a constant frame rate and a keyframe every GOP on the same timestamps
    /// in every rendition, so fragments and segments line up for adaptive streaming. One place for both modes.
    /// </summary>
    public static IReadOnlyList<string> OutputTiming(RenditionPlan plan, EncoderSettings encoder)
    {
        var gopFrames = Math.Max(1, (int)Math.Round(plan.FrameRate.Value * encoder.GopSeconds));
        List<string> timing =
        [
            "-r", plan.FrameRate.ToString(), "-fps_mode", "cfr",
            "-g", Invariant($"{gopFrames}"), "-keyint_min", Invariant($"{gopFrames}"), "-sc_threshold", "0",
            "-force_key_frames", Invariant($"expr:gte(t,n_forced*{encoder.GopSeconds})"),
        ];
        if (plan.Duration > TimeSpan.Zero)
        {
            // The source's real length, not more: a held last frame is padded up to it (HoldLastFrame), never past.
            timing.AddRange(["-t", Invariant($"{plan.Duration.TotalSeconds:0.###}")]);
        }

        return timing;
    }

    /// <summary>
    /// A VFR source whose last frame is shown for a while (a screen recording's still tail, whose last block in
    /// Matroska/WebM carries no duration): the constant-rate conversion stops one frame after that frame starts, so
    /// convert to the planned rate first and clone the last frame for its hold; <c>-t</c> then cuts at the real end.
    /// (tpad on the VFR stream itself spaces its clones by the stream's nominal rate and comes out short.) Null when
    /// the hold is no longer than two frames.
    /// </summary>
    internal static string? HoldLastFrame(RenditionPlan plan) =>
        plan.FrameRate.Value > 0 && plan.LastFrameHold.TotalSeconds > 2 / plan.FrameRate.Value
            ? Invariant($"fps={plan.FrameRate},tpad=stop_mode=clone:stop_duration={plan.LastFrameHold.TotalSeconds:0.###}")
            : null;

    /// <summary>The audio rendition's output: the kept track, downmixed to stereo AAC-LC, as a CMAF audio track.</summary>
    private static IReadOnlyList<string> AudioTrackOutput(AudioPlan audio, EncoderSettings encoder, string outputPath) =>
    [
        "-map", Invariant($"0:{audio.Track.Index}"),
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-vn", "-sn", "-dn",
        "-c:a", "aac", "-b:a", Invariant($"{audio.Kbps}k"),
        "-ac", Invariant($"{Math.Min(audio.Track.Channels, 2)}"), "-ar", "48000",
        // A fragment every GOP length: audio segments about as long as the video's.
        "-frag_duration", Invariant($"{(long)(encoder.GopSeconds * 1_000_000)}"),
        "-f", "mp4", "-movflags", "+cmaf+empty_moov+default_base_moof+skip_trailer",
        FileUrl(outputPath),
    ];

    private static IReadOnlyList<string> StoryboardOutput(string sheetPattern) =>
    [
        "-map_metadata", "-1",
        "-an", "-sn", "-dn",
        "-c:v", "mjpeg", "-q:v", "5",
        // Sheets numbered from 0, one image per tile frame.
        "-f", "image2", "-start_number", "0",
        FileUrl(sheetPattern),
    ];

    /// <summary>
    /// Thumbnails for seek previews: one frame per interval, scaled to the tile, tiled onto sheets. Deinterlacing and
    /// tone mapping as for the rungs, so previews look like the video.
    /// </summary>
    internal static string StoryboardFilter(RenditionPlan top, StoryboardPlan storyboard) =>
        string.Join(',', PictureFixes(top, toneMapAt: (storyboard.TileWidth, storyboard.TileHeight), fps: storyboard.Interval)
            .Append("format=yuvj420p")
            .Append(StoryboardTail(storyboard)));

    private static string StoryboardTail(StoryboardPlan storyboard) =>
        Invariant($"setsar=1,tile={storyboard.Columns}x{storyboard.Rows}");

    /// <summary>
    /// The filters that make a decoded source playable before the rungs' scaling: deinterlace, then (HDR) scale to
    /// the given size and tone-map, since tone mapping costs by the pixel; <paramref name="fps"/> thins the frames
    /// first where only a few are needed (storyboard).
    /// </summary>
    private static IEnumerable<string> PictureFixes(RenditionPlan top, (int Width, int Height) toneMapAt, TimeSpan? fps = null)
    {
        if (top.Deinterlace)
        {
            yield return "bwdif=mode=send_frame:deint=interlaced";
        }

        if (fps is { } interval)
        {
            yield return Invariant($"fps=1/{interval.TotalSeconds:0.###}");
        }

        yield return Invariant($"scale={toneMapAt.Width}:{toneMapAt.Height}");
        if (top.ToneMap)
        {
            yield return ToneMapChain;
        }
    }

    // Linear light, Hable curve, back to BT.709: the usual zimg recipe for PQ/HLG to SDR.
    private const string ToneMapChain =
        "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";

    public static IReadOnlyList<string> ForPoster(
        string inputPath, int videoStreamIndex, TimeSpan at, RenditionPlan size, string outputPath) =>
    [
        "-hide_banner", "-nostdin", "-y",
        "-loglevel", "level+warning",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        "-codec_whitelist", AllowedDecoders,
        // Before -i: a fast seek to the nearest keyframe, then decode up to the exact time.
        "-ss", Invariant($"{at.TotalSeconds:0.###}"),
        "-i", FileUrl(inputPath),
        "-map", Invariant($"0:{videoStreamIndex}"),
        "-map_metadata", "-1",
        "-frames:v", "1",
        "-vf", VideoFilter(size.Width, size.Height, size.ToneMap, size.Deinterlace, pixelFormat: "yuvj420p"),
        "-q:v", "3",
        "-f", "image2", "-update", "1",
        FileUrl(outputPath),
    ];

    /// <summary>
    /// Deinterlace (only frames flagged interlaced), scale to the planned displayed size (ffmpeg has already
    /// applied the rotation), tone-map HDR to BT.709, then 8-bit 4:2:0 with square pixels: what every player plays.
    /// </summary>
    public static string VideoFilter(int width, int height, bool toneMap, bool deinterlace, string pixelFormat = "yuv420p", string? hold = null)
    {
        var filters = new List<string>();
        if (hold is not null)
        {
            filters.Add(hold);
        }

        if (deinterlace)
        {
            filters.Add("bwdif=mode=send_frame:deint=interlaced");
        }

        filters.Add(Invariant($"scale={width}:{height}"));
        if (toneMap)
        {
            filters.Add(ToneMapChain);
        }

        filters.Add($"format={pixelFormat}");
        filters.Add("setsar=1");
        return string.Join(',', filters);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
