using System.Buffers.Binary;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// Small files built to make unbounded work (issue 16, class 6), each made in a second or two with real ffmpeg. Each
/// one stands for its class at a size a test can afford: the bounds they hit are the same as for the megabyte
/// originals (too many pixels, frames or streams, frames multiplied by the constant-rate conversion, a sample table
/// that claims millions of samples, shapes no scaler takes).
/// </summary>
internal static partial class Clips
{
    /// <summary>8192x8192 black H.264 at 60 fps: 67 megapixels a picture.</summary>
    public static Task<string> HugePictures() => Make("huge-8192.mp4",
        ["-f", "lavfi", "-i", "color=black:size=8192x8192:rate=60:duration=0.05"], [], [.. H264]);

    /// <summary>8192x4320 (within the picture limit) at 120 fps: 4.2 gigapixels a second.</summary>
    public static Task<string> TooManyPixelsASecond() => Make("8k-120.mp4",
        ["-f", "lavfi", "-i", "color=black:size=8192x4320:rate=120:duration=0.05"], [], [.. H264, "-x264-params", "level=6.2"]);

    /// <summary>A TS that probes as 640x360 for a second, then switches to 8192x8192: past what any probe sees.</summary>
    public static async Task<string> GrowsMidStream()
    {
        var small = await Make("grows-part1.ts", Video("640x360", 25, 1), [], [.. H264, "-f", "mpegts"]);
        var huge = await Make("grows-part2.ts", ["-f", "lavfi", "-i", "color=black:size=8192x8192:rate=25:duration=0.08"], [],
            [.. H264, "-output_ts_offset", "1", "-f", "mpegts"]);
        return await MakeFile("grows.ts", path => File.WriteAllBytes(path, [.. File.ReadAllBytes(small), .. File.ReadAllBytes(huge)]));
    }

    /// <summary>A thousand frames a second.</summary>
    public static Task<string> ThousandFramesASecond() => Make("fps-1000.mp4", Video("320x180", 1000, 1), [], [.. H264]);

    /// <summary>10,000 frames within one second of timeline (280,000 within 2 s in the original).</summary>
    public static Task<string> FramesCrammedTogether() => Make("crammed.mp4",
        ["-f", "lavfi", "-i", "testsrc2=size=64x64:rate=10000:duration=1"], [], [.. H264, "-video_track_timescale", "100000"]);

    /// <summary>A picture every 70 s and no sound: the constant-rate conversion would repeat each one for 70 s.</summary>
    public static Task<string> SilentStills() => Make("silent-stills.mkv",
        ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=1:duration=4,setpts=N*70/TB"], [], [.. H264, "-fps_mode", "passthrough"]);

    /// <summary>One frame whose header claims hours, and no sound.</summary>
    public static async Task<string> SilentHeldFrame()
    {
        var frame = await Make("one-frame.mp4", Video("320x180", 25, 0.04), [], [.. H264]);
        return await Make("held-frame.mkv", ["-i", frame], [], ["-c", "copy", "-bsf:v", "setts=duration=1200/TB"]);
    }

    /// <summary>Two frames five minutes apart, with sound all along: a still over a recording, which is content.</summary>
    public static Task<string> StillsWithSound() => Make("stills-with-sound.mkv",
        ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=0.08,setpts=N*300/TB",
         "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=8000:duration=300"],
        [], ["-map", "0:v", "-map", "1:a", .. H264, "-fps_mode", "passthrough", "-c:a", "aac", "-b:a", "16k", "-ac", "1"]);

    /// <summary>100 video tracks of one tiny frame each in one MP4 (200 4K tracks in the original).</summary>
    public static async Task<string> HundredVideoTracks()
    {
        var tiny = await Make("tiny.mp4", ["-f", "lavfi", "-i", "color=black:size=64x64:rate=1:duration=1"], [], [.. H264]);
        var inputs = Enumerable.Range(0, 100).SelectMany(_ => new[] { "-i", tiny }).ToArray();
        var maps = Enumerable.Range(0, 100).SelectMany(i => new[] { "-map", $"{i}:v" }).ToArray();
        return await Make("hundred-tracks.mp4", inputs, [], [.. maps, "-c", "copy"]);
    }

    /// <summary>An MP4 of a few kilobytes whose sample table (stsz) claims 89 million samples.</summary>
    public static async Task<string> SampleTableBomb()
    {
        var tiny = await Make("tiny.mp4", ["-f", "lavfi", "-i", "color=black:size=64x64:rate=1:duration=1"], [], [.. H264]);
        return await MakeFile("stsz-bomb.mp4", path =>
        {
            var bytes = File.ReadAllBytes(tiny);
            // stsz: size, "stsz", version and flags, sample_size, sample_count.
            var at = bytes.AsSpan().IndexOf("stsz"u8);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 12, 4), 89_000_000);
            File.WriteAllBytes(path, bytes);
        });
    }

    /// <summary>A 32768x16 MJPEG: 2048 times as wide as it is tall.</summary>
    public static Task<string> ExtremelyWide() => Make("wide.avi", Video("32768x16", 5, 1), [], ["-c:v", "mjpeg", "-q:v", "5"]);

    /// <summary>Pixels 100 times as wide as they are tall.</summary>
    public static Task<string> ExtremePixelAspect() => Make("sar-100.mp4", Video("320x180", 25, 1), [], ["-vf", "setsar=100/1", .. H264]);

    /// <summary>A subtitle cue at 0 s, and the picture and sound from 10 s to 11.5 s: the container starts with the cue.</summary>
    public static async Task<string> SubtitleBeforeThePicture() => await Make("subtitle-first.mkv",
        ["-itsoffset", "10", .. Video("320x180", 25, DefaultSeconds), "-itsoffset", "10", .. Tone(DefaultSeconds)],
        ["-i", await Subtitles("first.srt", "1\n00:00:00,000 --> 00:00:00,500\nBefore\n")],
        ["-map", "0:v", "-map", "1:a", "-map", "2", .. H264, "-c:a", "aac", "-c:s", "srt"]);

    /// <summary>
    /// One frame and five minutes of silent sound, the frame written after the sound (an encoder that emits its one
    /// frame at the flush): the stream-info pass never sees it, and the frame-rate conversion once dropped it.
    /// </summary>
    public static Task<string> OneFrameThenSilentSound() => Make("one-frame-silence.mkv",
        ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=0.04", "-f", "lavfi", "-i", "anullsrc=sample_rate=8000:channel_layout=mono:duration=300"],
        [], ["-map", "0:v", "-map", "1:a", .. H264, "-c:a", "aac", "-b:a", "16k"]);
}
