using System.Globalization;
using System.Numerics;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// Where every rendition has its keyframes: on the first frame at or after each multiple of the GOP length, counted in
/// whole frames at the planned rate, so that 30000/1001 fps (whose 2 s is 59.94 frames) still has one every 2 s on
/// every rung. The rule is exact (integers, no floating-point time), which lets a chunk of a long source that starts
/// at frame F put its keyframes on the frames a single encode of the whole source would have chosen.
/// </summary>
/// <param name="FrameRate">The planned constant frame rate.</param>
/// <param name="GopSeconds">The keyframe interval (0.5-10 s, in milliseconds at the finest).</param>
internal sealed record KeyframeGrid(Rational FrameRate, double GopSeconds)
{
    private long GopMilliseconds => (long)Math.Round(GopSeconds * 1000);

    // Frame n lies in GOP floor(n / framesPerGop) with framesPerGop = gop × rate = (gopMs × num) / (1000 × den): kept
    // as that fraction, reduced, so that ffmpeg's expression evaluator works on exact small integers.
    private (long Numerator, long Denominator) FramesPerGop
    {
        get
        {
            var numerator = new BigInteger(GopMilliseconds) * FrameRate.Numerator;
            var denominator = new BigInteger(1000) * FrameRate.Denominator;
            var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
            return ((long)(numerator / divisor), (long)(denominator / divisor));
        }
    }

    /// <summary>The first frame at or after the <paramref name="mark"/>-th multiple of the GOP length: a keyframe.</summary>
    public long FrameOfMark(long mark)
    {
        var (numerator, denominator) = FramesPerGop;
        return CeilingDivide(new BigInteger(mark) * numerator, denominator);
    }

    /// <summary>How many keyframes (GOPs, and so CMAF fragments) come before frame <paramref name="frame"/>.</summary>
    public long MarksBefore(long frame)
    {
        var (numerator, denominator) = FramesPerGop;
        return frame <= 0 ? 0 : (long)FloorDivide((BigInteger)(frame - 1) * denominator, numerator) + 1;
    }

    /// <summary>Whether frame <paramref name="frame"/> is a keyframe: the first of its GOP.</summary>
    public bool IsKeyframe(long frame)
    {
        var (numerator, denominator) = FramesPerGop;
        return frame == 0 || FloorDivide((BigInteger)frame * denominator, numerator) > FloorDivide((BigInteger)(frame - 1) * denominator, numerator);
    }

    /// <summary>
    /// The frames an encode cut at <paramref name="milliseconds"/> keeps: those that start before it (ffmpeg's <c>-t</c>
    /// drops a frame whose time is at or after the cut).
    /// </summary>
    public long FramesBefore(long milliseconds) =>
        CeilingDivide(new BigInteger(milliseconds) * FrameRate.Numerator, 1000 * FrameRate.Denominator);

    /// <summary>When frame <paramref name="frame"/> starts on the output timeline.</summary>
    public TimeSpan TimeOf(long frame) =>
        TimeSpan.FromTicks((long)(new BigInteger(frame) * FrameRate.Denominator * TimeSpan.TicksPerSecond / FrameRate.Numerator));

    /// <summary>
    /// ffmpeg's <c>-force_key_frames</c> for an encode whose first frame is frame <paramref name="firstFrame"/> of the
    /// whole output: <c>n</c> is the encoder's own frame count, so the chunk's offset is added to it.
    /// </summary>
    public string ForceKeyFrames(long firstFrame = 0)
    {
        var (numerator, denominator) = FramesPerGop;
        var n = firstFrame == 0 ? "n" : string.Create(CultureInfo.InvariantCulture, $"(n+{firstFrame})");
        var previous = firstFrame == 0 ? "(n-1)" : string.Create(CultureInfo.InvariantCulture, $"(n+{firstFrame - 1})");
        return string.Create(CultureInfo.InvariantCulture, $"expr:gt(floor({n}*{denominator}/{numerator}),floor({previous}*{denominator}/{numerator}))");
    }

    private static long CeilingDivide(BigInteger value, long divisor) => (long)((value + divisor - 1) / divisor);

    private static BigInteger FloorDivide(BigInteger value, long divisor) => BigInteger.Divide(value - (value.Sign < 0 ? divisor - 1 : 0), divisor);
}
