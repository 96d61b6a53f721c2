using System.Buffers.Binary;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>The classes of real-world upload that headers misdescribe, made small with real ffmpeg.</summary>
internal static partial class Clips
{
    /// <summary>WebM written live, as browsers' MediaRecorder does: no duration in the header.</summary>
    public static Task<string> LiveWebm() => Make("live.webm",
        Video("320x180", 30, 2), Tone(2),
        ["-map", "0:v", "-map", "1:a", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus", "-f", "webm", "-live", "1"]);

    /// <summary>A raw H.264 elementary stream: no container, no duration, no timestamps of its own.</summary>
    public static Task<string> RawH264() => Make("raw.h264",
        Video("320x180", 25, 2), [], ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "h264"]);

    /// <summary>1.5 s of Matroska whose header claims 143,165 s (its Duration element overwritten).</summary>
    public static async Task<string> LyingDuration()
    {
        var honest = await Make("honest.mkv", Video("320x180", 25, DefaultSeconds), Tone(DefaultSeconds),
            ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
        return await MakeFile("lying.mkv", path =>
        {
            var bytes = File.ReadAllBytes(honest);
            // Segment Info's Duration: element id 0x4489, size 8 (0x88), a big-endian double in timecode-scale units (ms).
            var at = bytes.AsSpan().IndexOf([(byte)0x44, (byte)0x89, (byte)0x88]);
            if (at < 0)
            {
                throw new InvalidOperationException("no 8-byte Duration element in the Matroska header");
            }

            BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(at + 3, 8), 143_165_000.0);
            File.WriteAllBytes(path, bytes);
        });
    }

    /// <summary>A 5 s faststart MP4 (index first) cut at 30%: the index still declares 5 s.</summary>
    public static async Task<string> TruncatedWithIndex()
    {
        var whole = await Make("faststart-5s.mp4", Video("320x180", 25, 5), Tone(5),
            ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"]);
        return await MakeFile("faststart-cut.mp4", path =>
        {
            var bytes = File.ReadAllBytes(whole);
            File.WriteAllBytes(path, bytes[..(int)(bytes.Length * 0.3)]);
        });
    }

    /// <summary>A tiny Matroska file whose timestamps jump 10 hours after its first second.</summary>
    public static Task<string> TenHourGap() => Make("gap.mkv",
        ["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10:duration=2"], [],
        ["-vf", "setpts=PTS+gte(N\\,10)*36000/TB", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-fps_mode", "passthrough"]);

    /// <summary>
    /// A VFR screen recording's still tail, as Matroska/WebM recorders write it: 220 frames at 30 fps, the last (at
    /// 7.3 s) shown until 8.7 s. The header declares 8.7 s; the last block carries no duration of its own.
    /// </summary>
    public static async Task<string> LongLastFrame()
    {
        var frames = await Make("frames-7s.mp4", ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30"], [],
            ["-frames:v", "220", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-bf", "0"]);
        var held = await Make("held-tail.mp4", ["-i", frames], [], ["-c", "copy", "-bsf:v", "setts=duration='if(eq(N,219),1.4/TB,DURATION)'"]);
        return await Make("held-tail.mkv", ["-i", held], [], ["-c", "copy"]);
    }

    /// <summary>Microsoft Video 1 in AVI: a real format, but not a decoder uploads may use.</summary>
    public static Task<string> UnlistedCodec() => Make("msvideo1.avi",
        Video("160x88", 10, 1), [], ["-c:v", "msvideo1", "-pix_fmt", "rgb555le", "-f", "avi"]);
}
