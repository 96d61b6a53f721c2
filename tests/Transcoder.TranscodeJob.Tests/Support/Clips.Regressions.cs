using System.Buffers.Binary;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// The classes of real upload the job refused once (issue 16), each made small with real ffmpeg: clips under a
/// second, streams the job does not transcode, timestamps that start hours in, cues that outlast the picture, sparse
/// screen recordings.
/// </summary>
internal static partial class Clips
{
    private static readonly string[] H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
    private static readonly string[] Hevc = ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1"];

    /// <summary>0.3 s at 60 fps with sound: a phone's accidental tap.</summary>
    public static Task<string> ThreeTenthsAt60() => Make("short-60.mp4",
        Video("320x180", 60, 0.3), Tone(0.3), ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "aac"]);

    /// <summary>0.34 s of HEVC, as an 8K phone clip (the size is smaller, the path the same).</summary>
    public static Task<string> ShortHevc() => Make("short-hevc.mp4", Video("640x360", 30, 0.34), [], [.. Hevc]);

    /// <summary>Four frames of 10-bit PQ HEVC, as a Dolby Vision capture's base layer.</summary>
    public static Task<string> FourFramesPq() => Make("four-frames-pq.mp4", Video("320x180", 24, 1), [],
        ["-frames:v", "4", .. Hevc, "-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc"]);

    /// <summary>0.13 s of interlaced MPEG-2 with MPEG audio in a TS whose clock starts at 4,200 s: a broadcast excerpt.</summary>
    public static Task<string> BroadcastExcerpt() => Make("broadcast.ts", Video("720x576", 25, 0.13), Tone(0.13),
        ["-map", "0:v", "-map", "1:a", "-c:v", "mpeg2video", "-flags", "+ildct+ilme", "-top", "1", "-c:a", "mp2", "-output_ts_offset", "4200", "-f", "mpegts"]);

    /// <summary>0.8 s of an animated GIF at 10 fps, half transparent, as ffmpeg palettes it (dithered).</summary>
    public static Task<string> AnimatedGif() => Make("animated.gif", Video("160x120", 10, 0.8), [],
        ["-vf", "format=rgba,colorchannelmixer=aa=0.5", "-f", "gif"]);

    /// <summary>Nine frames of H.264 in a TS.</summary>
    public static Task<string> NineFramesTs() => Make("nine.ts", Video("320x180", 25, 1), [], ["-frames:v", "9", .. H264, "-f", "mpegts"]);

    /// <summary>0.1 s of HEVC with a timecode (tmcd) data track beside it.</summary>
    public static Task<string> HevcWithDataTrack() => Make("hevc-tmcd.mp4", Video("320x180", 30, 0.1), [], [.. Hevc, "-timecode", "01:00:00:00"]);

    /// <summary>Matroska with one subtitle track in <paramref name="format"/> (srt, ass or vtt, the codec copied as is).</summary>
    public static async Task<string> MatroskaWithSubtitles(string format)
    {
        var subtitles = await TextSubtitles(format);
        return await Make($"subtitled-{format}.mkv", [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", subtitles],
            ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "copy"]);
    }

    /// <summary>MP4 with a 3GPP timed-text (mov_text) subtitle track, as phones and editors write it.</summary>
    public static async Task<string> Mp4WithTimedText() => await Make("subtitled.mp4",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await TextSubtitles("srt")],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "mov_text"]);

    /// <summary>Matroska with a Blu-ray PGS (bitmap) subtitle track.</summary>
    public static async Task<string> MatroskaWithPgs() => await Make("subtitled-pgs.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await PgsSubtitles()],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "copy"]);

    /// <summary>Matroska with a DVD VobSub (bitmap) subtitle track, converted from the PGS one.</summary>
    public static async Task<string> MatroskaWithVobSub() => await Make("subtitled-vobsub.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await PgsSubtitles()],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "dvdsub"]);

    /// <summary>A DVB transport stream with MPEG audio and a DVB (bitmap) subtitle stream.</summary>
    public static async Task<string> DvbWithSubtitles() => await Make("dvb-subtitled.ts",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await PgsSubtitles()],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "mp2", "-c:s", "dvbsub", "-f", "mpegts"]);

    /// <summary>Matroska with a PNG cover attached, as tagging tools and disc rippers add it.</summary>
    public static async Task<string> MatroskaWithCoverAttachment() => await Make("cover-attached.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], [],
        ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "aac", "-attach", await CoverPng(), "-metadata:s:t", "mimetype=image/png"]);

    /// <summary>MP4 with a PNG cover as an attached-picture video stream.</summary>
    public static async Task<string> Mp4WithCoverPicture() => await Make("cover-picture.mp4",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await CoverPng()],
        ["-map", "0:v", "-map", "1:a", "-map", "2", "-c:v:0", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:v:1", "png",
         "-disposition:v:1", "attached_pic", "-c:a", "aac"]);

    /// <summary>4 s of PAL with sound in a TS whose clock reads 19,207 s at its first packet: a contribution capture.</summary>
    public static Task<string> HoursIn() => Make("hours-in.ts", Video("320x180", 25, 4), Tone(4),
        ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "mp2", "-output_ts_offset", "19207", "-f", "mpegts"]);

    /// <summary>
    /// 4 s of PAL with sound in a TS whose 33-bit clock (26.5 hours) wraps to zero 1.3 s in: ffmpeg gives the packets
    /// before the wrap negative times, so the capture starts at -1.3 s.
    /// </summary>
    public static Task<string> ClockWrapsMidway() => Make("clock-wraps.ts", Video("320x180", 25, 4), Tone(4),
        ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "mp2", "-output_ts_offset", "95441", "-f", "mpegts"]);

    /// <summary>2 s of picture under 12 s of sound: a music upload whose video is a short loop played once.</summary>
    public static Task<string> PictureEndsFirst() => Make("picture-ends-first.mp4", Video("320x180", 25, 2), Tone(12),
        ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "aac"]);

    /// <summary>0.97 s of video, 1.07 s of sound, and a WebVTT cue that ends at 1.23 s.</summary>
    public static async Task<string> CueOutlastingThePicture() => await Make("late-cue.mkv",
        [.. Video("320x180", 25, 0.97), .. Tone(1.07)], ["-i", await Subtitles("late-cue.vtt", "WEBVTT\n\n00:00.100 --> 00:01.230\nHello\n")],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "libopus", "-c:s", "webvtt"]);

    /// <summary>1.5 s of video and sound, and a SubRip cue three hours in.</summary>
    public static async Task<string> CueThreeHoursIn() => await Make("cue-3h.mkv",
        [.. Video("320x180", 25, DefaultSeconds), .. Tone(DefaultSeconds)], ["-i", await Subtitles("cue-3h.srt", "1\n03:00:00,000 --> 03:00:02,000\nLate\n")],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "srt"]);

    /// <summary>
    /// A screen recording: bursts of 30 frames a second, one second each, with three still seconds after each, over
    /// 12 s of sound. Its average is well under 15 fps; its motion is at 30.
    /// </summary>
    public static Task<string> SparseScreenRecording() => Make("screen.mp4",
        ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=3,setpts=(N/30+floor(N/30)*3)/TB"], Tone(12),
        ["-map", "0:v", "-map", "1:a", .. H264, "-fps_mode", "passthrough", "-c:a", "aac"]);

    private static async Task<string> TextSubtitles(string format)
    {
        var srt = await Subtitles("cues.srt", "1\n00:00:00,100 --> 00:00:00,900\nHello\n");
        return format switch
        {
            "srt" => srt,
            "vtt" => await Subtitles("cues.vtt", "WEBVTT\n\n00:00.100 --> 00:00.900\nHello\n"),
            "ass" => await Make("cues.ass", ["-i", srt], [], []),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "srt, ass or vtt"),
        };
    }

    private static Task<string> Subtitles(string name, string text) => MakeFile(name, path => File.WriteAllText(path, text));

    private static Task<string> CoverPng() => Make("cover.png", ["-f", "lavfi", "-i", "color=red:size=200x200"], [], ["-frames:v", "1"]);

    /// <summary>
    /// A Blu-ray PGS stream (.sup) of two display sets: an 8x2 object shown at 0.1 s and cleared at 0.2 s. ffmpeg has
    /// no PGS encoder, so the segments are written by hand (PCS, WDS, PDS, ODS, END; 90 kHz timestamps).
    /// </summary>
    private static Task<string> PgsSubtitles() => MakeFile("cues.sup", path =>
    {
        using var file = File.Create(path);
        WriteDisplaySet(file, 9_000, show: true);
        WriteDisplaySet(file, 18_000, show: false);
    });

    private static void WriteDisplaySet(Stream output, uint pts, bool show)
    {
        byte[] composition = show
            ? [1, 64, 0, 180, 0x10, 0, 0, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 100, 0, 100]
            : [1, 64, 0, 180, 0x10, 0, 1, 0x00, 0, 0, 0];
        WriteSegment(output, pts, 0x16, composition);
        WriteSegment(output, pts, 0x17, [1, 0, 0, 100, 0, 100, 0, 8, 0, 2]);
        if (show)
        {
            WriteSegment(output, pts, 0x14, [0, 0, 1, 235, 128, 128, 255]);
            // Two lines of 8 pixels of colour 1 (run-length coded), each line closed by 0x00 0x00.
            byte[] lines = [0, 0x88, 1, 0, 0, 0, 0x88, 1, 0, 0];
            var length = lines.Length + 4;
            WriteSegment(output, pts, 0x15, [0, 0, 0, 0xC0, (byte)(length >> 16), (byte)(length >> 8), (byte)length, 0, 8, 0, 2, .. lines]);
        }

        WriteSegment(output, pts, 0x80, []);
    }

    private static void WriteSegment(Stream output, uint pts, byte type, byte[] data)
    {
        Span<byte> header = stackalloc byte[13];
        header[0] = (byte)'P';
        header[1] = (byte)'G';
        BinaryPrimitives.WriteUInt32BigEndian(header[2..], pts);
        BinaryPrimitives.WriteUInt32BigEndian(header[6..], pts);
        header[10] = type;
        BinaryPrimitives.WriteUInt16BigEndian(header[11..], (ushort)data.Length);
        output.Write(header);
        output.Write(data);
    }
}
