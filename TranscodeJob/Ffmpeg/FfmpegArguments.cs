using System.Globalization;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Pure functions from a plan to an argument list. Nothing here runs a process, so every list is tested by value.
/// </summary>
public static class FfmpegArguments
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
    /// An absolute <c>file:</c> URL: a name that starts with '-' or holds ':' is never read as an option or a
    /// protocol.
    /// </summary>
    public static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    public static IReadOnlyList<string> ForProbe(string inputPath) =>
    [
        "-v", "error", "-hide_banner",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
        "-print_format", "json", "-show_format", "-show_streams",
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

    public static IReadOnlyList<string> ForRendition(
        string inputPath, int videoStreamIndex, RenditionPlan plan, EncoderSettings encoder, string outputPath)
    {
        var gopFrames = Math.Max(1, (int)Math.Round(plan.FrameRate.Value * encoder.GopSeconds));
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-y",
            "-loglevel", "level+warning",
            // Progress as key=value blocks on stdout, read line by line.
            "-progress", "pipe:1", "-nostats",
            "-protocol_whitelist", AllowedProtocols,
            "-format_whitelist", AllowedDemuxers,
            "-i", FileUrl(inputPath),
            "-map", Invariant($"0:{videoStreamIndex}"),
        };

        if (plan.Audio is not null)
        {
            arguments.AddRange(["-map", Invariant($"0:{plan.Audio.Index}")]);
        }

        arguments.AddRange(
        [
            // Source metadata (GPS position, device, titles) and chapters stay with the source.
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-vf", VideoFilter(plan.Width, plan.Height, plan.ToneMap, plan.Deinterlace),
            "-c:v", "libx264", "-preset", encoder.Preset, "-profile:v", "high",
            "-crf", Invariant($"{encoder.Crf}"),
            "-maxrate", Invariant($"{plan.VideoKbps}k"), "-bufsize", Invariant($"{plan.VideoKbps * 2}k"),
            "-pix_fmt", "yuv420p",
            "-r", plan.FrameRate.ToString(), "-fps_mode", "cfr",
            // A fixed GOP with keyframes on the same timestamps in every rendition: segments line up for ABR.
            "-g", Invariant($"{gopFrames}"), "-keyint_min", Invariant($"{gopFrames}"), "-sc_threshold", "0",
            "-force_key_frames", Invariant($"expr:gte(t,n_forced*{encoder.GopSeconds})"),
        ]);

        if (plan.ToneMap)
        {
            arguments.AddRange(["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"]);
        }

        if (plan.Audio is not null)
        {
            arguments.AddRange(
            [
                "-c:a", "aac", "-b:a", Invariant($"{plan.AudioKbps}k"),
                "-ac", Invariant($"{Math.Min(plan.Audio.Channels, 2)}"), "-ar", "48000",
            ]);
        }
        else
        {
            arguments.Add("-an");
        }

        arguments.AddRange(["-sn", "-dn", "-movflags", "+faststart", "-f", "mp4", FileUrl(outputPath)]);
        return arguments;
    }

    public static IReadOnlyList<string> ForPoster(
        string inputPath, int videoStreamIndex, TimeSpan at, RenditionPlan size, string outputPath) =>
    [
        "-hide_banner", "-nostdin", "-y",
        "-loglevel", "level+warning",
        "-protocol_whitelist", AllowedProtocols,
        "-format_whitelist", AllowedDemuxers,
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
    public static string VideoFilter(int width, int height, bool toneMap, bool deinterlace, string pixelFormat = "yuv420p")
    {
        var filters = new List<string>();
        if (deinterlace)
        {
            filters.Add("bwdif=mode=send_frame:deint=interlaced");
        }

        filters.Add(Invariant($"scale={width}:{height}"));
        if (toneMap)
        {
            // Linear light, Hable curve, back to BT.709: the usual zimg recipe for PQ/HLG to SDR.
            filters.Add("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv");
        }

        filters.Add($"format={pixelFormat}");
        filters.Add("setsar=1");
        return string.Join(',', filters);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
