using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// Where the quality of the renditions is measured: windows spread evenly over the source, more of them for a longer
/// one, so that the measurement's cost stays a small share of the encode's.
/// <para>
/// Measuring a frame costs more than encoding it (the source and every rendition decoded again, every rendition
/// scaled up to the top rung's size, SSIM and PSNR at that size for each), so the windows hold about
/// <see cref="SampledShare"/> of the frames: one window per <see cref="SecondsPerWindow"/> of source (at least
/// <see cref="MinWindows"/>, at most <see cref="MaxWindows"/>), each <see cref="MinWindowSeconds"/> to
/// <see cref="MaxWindowSeconds"/> long. A source whose windows would cover half of it or more is measured whole: at
/// most twice the cost, and no sampling error.
/// bench/Transcoder.Bench.Quality compares the sampled value with a full-length measurement.
/// </para>
/// </summary>
internal static class QualitySampling
{
    public const double SampledShare = 0.06;
    public const double SecondsPerWindow = 10;
    public const int MinWindows = 3;
    public const int MaxWindows = 60;
    public const double MinWindowSeconds = 0.5;
    public const double MaxWindowSeconds = 2;

    /// <summary>The windows for a source of <paramref name="duration"/> measured at <paramref name="frameRate"/>.</summary>
    /// <param name="gopSeconds">
    /// The renditions' keyframe interval. Under capped CRF a keyframe is the best picture of its GOP and quality falls
    /// until the next, so windows at one phase of the GOP would all measure the same part of that cycle (measured: 0.2 dB
    /// low on 30 s of 1080p). Their phases are staggered instead, so that together they cover the cycle.
    /// </param>
    /// <param name="keyframes">
    /// The source's keyframes (<see cref="PacketScan.Keyframes"/>), or none. A seek decodes from the keyframe before
    /// it, and a source's GOP can be far longer than a window (x264's default is 250 frames, 8 s: 4K decoded for 8 s
    /// to compare half a second, most of the measurement's CPU on 2160p). With keyframes, each window starts just after
    /// the keyframe nearest its place, at its phase: at most one rendition GOP of the source is decoded before it.
    /// </param>
    public static IReadOnlyList<QualityWindow> For(TimeSpan duration, Rational frameRate, double gopSeconds, IReadOnlyList<TimeSpan>? keyframes = null)
    {
        var seconds = duration.TotalSeconds;
        var count = Math.Clamp((int)Math.Ceiling(seconds / SecondsPerWindow), MinWindows, MaxWindows);
        var length = Math.Clamp(SampledShare * seconds / count, MinWindowSeconds, MaxWindowSeconds);
        if (count * length >= seconds / 2)
        {
            return [new QualityWindow(TimeSpan.Zero, duration)];
        }

        var grid = new FrameGrid(frameRate.Value > 0 ? 1 / frameRate.Value : 0);
        var phases = gopSeconds > length ? Math.Min(count, (int)Math.Ceiling(gopSeconds / length)) : 1;
        var windows = new List<QualityWindow>(count);
        for (var i = 0; i < count; i++)
        {
            var middle = (i + 0.5) * seconds / count;
            var phase = phases > 1 ? i % phases * gopSeconds / phases : 0;
            var start = AfterKeyframe(keyframes, middle - length / 2, phase, gopSeconds, seconds - length, grid)
                        ?? grid.Floor(Math.Clamp((phases > 1 ? Math.Floor(middle / gopSeconds) * gopSeconds : middle - length / 2) + phase, 0, seconds - length));
            if (windows.Count == 0 || start >= windows[^1].Start.TotalSeconds + length - 1e-9)
            {
                windows.Add(new QualityWindow(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(length)));
            }
        }

        return windows;
    }

    /// <summary>
    /// The start nearest <paramref name="wanted"/> that lies at <paramref name="phase"/> of the renditions' GOP, at least
    /// half a frame after a source keyframe (a seek to a quarter frame before it lands on that keyframe, not the one
    /// before) and less than a GOP after it, and no later than <paramref name="latest"/>; null without keyframes.
    /// </summary>
    private static double? AfterKeyframe(IReadOnlyList<TimeSpan>? keyframes, double wanted, double phase, double gopSeconds, double latest, FrameGrid grid)
    {
        double? best = null;
        foreach (var keyframe in keyframes ?? [])
        {
            var earliest = keyframe.TotalSeconds + grid.Frame / 2;
            var start = grid.Ceiling(earliest + Modulo(phase - earliest, gopSeconds));
            if (start <= latest && (best is null || Math.Abs(start - wanted) < Math.Abs(best.Value - wanted)))
            {
                best = start;
            }
        }

        return best;
    }

    private static double Modulo(double value, double divisor) => divisor > 0 ? ((value % divisor) + divisor) % divisor : 0;

    // Starts on the frame grid of the renditions, so that the source's frames at the planned rate, counted from a
    // window's start, are the ones the encode made there.
    private readonly record struct FrameGrid(double Frame)
    {
        public double Floor(double seconds) => Frame > 0 ? Math.Floor((seconds / Frame) + 1e-9) * Frame : seconds;

        public double Ceiling(double seconds) => Frame > 0 ? Math.Ceiling((seconds / Frame) - 1e-9) * Frame : seconds;
    }
}
