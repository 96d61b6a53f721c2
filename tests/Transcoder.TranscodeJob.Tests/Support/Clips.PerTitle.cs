namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>The two ends of the per-title ladder's range: a picture that never changes, and one that is all detail.</summary>
internal static partial class Clips
{
    /// <summary>Two seconds of flat grey at 320x180 with a tone: every rung shows it exactly.</summary>
    public static Task<string> Static() => Make("static.mp4",
        ["-f", "lavfi", "-i", "color=c=0x808080:size=320x180:rate=25:duration=2"], Tone(2),
        ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);

    /// <summary>Two seconds of a moving test pattern under temporal noise at 320x180: fine detail every smaller rung loses.</summary>
    public static Task<string> Noisy() => Make("noisy.mp4",
        ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2,noise=alls=12:allf=t+u"], [],
        ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "10", "-pix_fmt", "yuv420p"]);

    /// <summary>
    /// A moving test pattern of one second at 30 fps, its tone 1.02 s, copied three times end to end: each copy starts
    /// with a keyframe 0.7 of a frame later than the frame grid (as a phone's clips joined, or a looped file).
    /// </summary>
    public static async Task<string> KeyframesOffTheGrid()
    {
        var second = await Make("one-second-moving.mp4",
            ["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=1"], Tone(1.02),
            ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
        return await Make("off-grid-keyframes.mp4", ["-stream_loop", "2", "-i", second], [], ["-map", "0", "-c", "copy"]);
    }
}
