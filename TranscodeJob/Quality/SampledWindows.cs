using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// Windows spread evenly over a source by a <see cref="SamplingRule"/>: for the quality measurement
/// (<see cref="QualitySampling"/>) and the per-title analysis's trial encodes (<c>Analysis/AnalysisSampling</c>).
/// </summary>
internal static class SampledWindows
{
    /// <summary>The windows for a source of <paramref name="duration"/> at <paramref name="frameRate"/>.</summary>
    /// <param name="gopSeconds">
    /// The renditions' keyframe interval, over whose cycle the windows' starts are staggered when they are shorter than
    /// it; 0 for no staggering.
    /// </param>
    /// <param name="keyframes">
    /// The source's keyframes (<see cref="PacketScan.Keyframes"/>), or none. A seek decodes from the keyframe before
    /// it, and a source's GOP can be far longer than a window (x264's default is 250 frames, 8 s: 4K decoded for 8 s
    /// to compare half a second, most of the measurement's CPU on 2160p). With keyframes, each window starts just after
    /// the keyframe nearest its place, at its phase: at most one rendition GOP of the source is decoded before it.
    /// </param>
    public static IReadOnlyList<QualityWindow> For(
        SamplingRule rule, TimeSpan duration, Rational frameRate, double gopSeconds, IReadOnlyList<TimeSpan>? keyframes)
    {
        var seconds = duration.TotalSeconds;
        var count = Math.Clamp((int)Math.Ceiling(seconds / rule.SecondsPerWindow), rule.MinWindows, rule.MaxWindows);
        var length = Math.Clamp(rule.Share * seconds / count, rule.MinWindowSeconds, rule.MaxWindowSeconds);
        if (count * length >= seconds * rule.WholeFromShare)
        {
            return [new QualityWindow(TimeSpan.Zero, duration)];
        }

        var grid = new FrameGrid(frameRate.Value > 0 ? 1 / frameRate.Value : 0);
        var phases = gopSeconds > length ? Math.Min(count, (int)Math.Ceiling(gopSeconds / length)) : 1;
        var starts = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var middle = (i + 0.5) * seconds / count;
            var phase = phases > 1 ? i % phases * gopSeconds / phases : 0;
            var start = AfterKeyframe(keyframes, middle - length / 2, seconds / count, phase, gopSeconds, seconds - length, grid)
                        ?? grid.Floor(Math.Clamp((phases > 1 ? Math.Floor(middle / gopSeconds) * gopSeconds : middle - length / 2) + phase, 0, seconds - length));
            starts.Add(start);
        }

        // In order, none overlapping the one before (two windows can start after the same keyframe).
        var windows = new List<QualityWindow>(count);
        foreach (var start in starts.Order())
        {
            if (windows.Count == 0 || start >= windows[^1].Start.TotalSeconds + length - 1e-9)
            {
                windows.Add(new QualityWindow(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(length)));
            }
        }

        return windows;
    }

    /// <summary>
    /// The start nearest <paramref name="wanted"/>, and no further than <paramref name="reach"/> from it, that lies at
    /// <paramref name="phase"/> of the renditions' GOP, at least half a frame after a source keyframe (a seek to a
    /// quarter frame before it lands on that keyframe, not the one before; the source's start needs no seek) and less
    /// than a GOP after it, and no later than <paramref name="latest"/>; null without such a keyframe (a source with one
    /// keyframe in minutes keeps its windows spread, and pays their decode).
    /// </summary>
    private static double? AfterKeyframe(IReadOnlyList<TimeSpan>? keyframes, double wanted, double reach, double phase, double gopSeconds, double latest, FrameGrid grid)
    {
        double? best = null;
        foreach (var keyframe in keyframes ?? [])
        {
            var earliest = keyframe == TimeSpan.Zero ? 0 : keyframe.TotalSeconds + (grid.Frame / 2);
            var start = grid.Ceiling(earliest + Modulo(phase - earliest, gopSeconds));
            if (start <= latest && Math.Abs(start - wanted) <= reach && (best is null || Math.Abs(start - wanted) < Math.Abs(best.Value - wanted)))
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
