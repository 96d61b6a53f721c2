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
    /// The renditions' keyframe interval. A source of at least <see cref="SkipFirstGops"/> of them is sampled after the
    /// first: the encode's first GOP is not like the rest (x264's rate control and lookahead start cold; the first
    /// second of a 2160p bench clip's 1080p rung measured 1 dB below the rest).
    /// </param>
    /// <param name="staggered">
    /// Whether the windows' starts are staggered over the renditions' GOP cycle (the quality measurement: under capped
    /// CRF a keyframe is the best picture of its GOP, and windows at one phase would all measure the same part of the
    /// cycle); trial encodes start their own GOP and need not be.
    /// </param>
    /// <param name="keyframes">
    /// The source's keyframes (<see cref="PacketScan.Keyframes"/>), or none. A seek decodes from the keyframe before
    /// it, and a source's GOP can be far longer than a window (x264's default is 250 frames, 8 s: 4K decoded for 8 s
    /// to compare half a second, most of the measurement's CPU on 2160p). With keyframes, each window starts just after
    /// a keyframe within its share of the timeline, at its phase, where the fewest frames are decoded before it: at most
    /// one rendition GOP of the source where the share holds a keyframe, else from its share's start.
    /// </param>
    public static IReadOnlyList<QualityWindow> For(
        SamplingRule rule, TimeSpan duration, Rational frameRate, double gopSeconds, bool staggered, IReadOnlyList<TimeSpan>? keyframes)
    {
        var seconds = duration.TotalSeconds;
        // One per stretch of the rule's length, to the nearest whole number: rounded up, 30.06 s of source paid a fourth
        // window (a tenth more decode) for its last 0.06 s.
        var count = Math.Clamp((int)Math.Round(seconds / rule.SecondsPerWindow, MidpointRounding.AwayFromZero), rule.MinWindows, rule.MaxWindows);
        var length = Math.Clamp(rule.Share * seconds / count, rule.MinWindowSeconds, rule.MaxWindowSeconds);
        if (count * length >= seconds * rule.WholeFromShare || length >= seconds)
        {
            return [new QualityWindow(TimeSpan.Zero, duration)];
        }

        var grid = new FrameGrid(frameRate.Value > 0 ? 1 / frameRate.Value : 0);
        var earliest = seconds >= SkipFirstGops * gopSeconds ? gopSeconds : 0;
        var share = (seconds - earliest) / count;
        var cycle = staggered ? gopSeconds : 0;
        var phases = cycle > length ? Math.Min(count, (int)Math.Ceiling(cycle / length)) : 1;
        var starts = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var middle = earliest + ((i + 0.5) * share);
            var phase = phases > 1 ? i % phases * cycle / phases : 0;
            var place = new Place(middle - (length / 2), share / 2, length, phase, cycle, earliest, seconds - length);
            starts.Add(LeastPreRoll(keyframes, place, grid)
                       ?? grid.Floor(Math.Clamp((phases > 1 ? Math.Floor(middle / cycle) * cycle : middle - (length / 2)) + phase, earliest, seconds - length)));
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

    /// <summary>Sources this many renditions' GOPs long or longer are sampled after their first GOP.</summary>
    public const int SkipFirstGops = 5;

    /// <summary>
    /// Where one window of <paramref name="Length"/> seconds should go: near <paramref name="Wanted"/>, no further than
    /// <paramref name="Reach"/> from it, at <paramref name="Phase"/> of a cycle of <paramref name="Cycle"/> seconds (0:
    /// any), between <paramref name="Earliest"/> and <paramref name="Latest"/>.
    /// </summary>
    private readonly record struct Place(double Wanted, double Reach, double Length, double Phase, double Cycle, double Earliest, double Latest);

    /// <summary>
    /// Among the starts within the place's reach that lie at its phase (or up to <see cref="PhaseTolerance"/> after it), at
    /// least half a frame after a source keyframe (a seek to a quarter frame before it lands on that keyframe, not the one
    /// before; the source's start needs no seek) and less than a cycle after it: the one with the fewest frames decoded
    /// before it, then the one nearest the wanted start. Every frame between the keyframe and the start is decoded and
    /// thrown away: on 30 s of 1080p such a pre-roll cost as much as the compared frames. A place with no keyframe in its
    /// reach (a source with a keyframe every 8 s or minutes) starts as early in its reach as its phase lets it, after
    /// the fewest frames its share allows; a window keeps its share, so the windows stay spread. Null without keyframes.
    /// </summary>
    private static double? LeastPreRoll(IReadOnlyList<TimeSpan>? keyframes, Place place, FrameGrid grid)
    {
        (double Start, double Decoded)? best = null;
        foreach (var keyframe in keyframes ?? [])
        {
            var earliest = keyframe == TimeSpan.Zero ? 0 : keyframe.TotalSeconds + (grid.Frame / 2);
            var offset = Modulo(place.Phase - earliest, place.Cycle);
            var start = grid.Ceiling(earliest + (offset > place.Cycle - PhaseTolerance ? 0 : offset));
            var candidate = (Start: start, Decoded: start - keyframe.TotalSeconds);
            if (start >= place.Earliest && start <= place.Latest && Math.Abs(start - place.Wanted) <= place.Reach
                && (best is not { } chosen || Better(candidate, chosen)))
            {
                best = candidate;
            }
        }

        // The reach's first start at the phase, decoded from whatever keyframe comes before it: where a place with no
        // keyframe in its reach decodes least (a 15 s 4K clip with x264's 8 s GOP decoded 4 and 5 s of source before two
        // of its windows' middles, 2 and 3 s before their shares' starts).
        if (keyframes is { Count: > 0 })
        {
            var lowest = Math.Max(place.Earliest, place.Wanted - place.Reach + place.Length / 2);
            var first = grid.Ceiling(lowest + Modulo(place.Phase - lowest, place.Cycle));
            var from = keyframes.Where(k => k.TotalSeconds <= first - (grid.Frame / 4)).DefaultIfEmpty(TimeSpan.Zero).Max().TotalSeconds;
            var candidate = (Start: first, Decoded: first - from);
            if (first <= place.Latest && Math.Abs(first - place.Wanted) <= place.Reach && (best is not { } chosen || Better(candidate, chosen)))
            {
                best = candidate;
            }
        }

        return best?.Start;

        // Fewer frames decoded first (within half a frame counts as the same), then nearer the wanted start.
        bool Better((double Start, double Decoded) candidate, (double Start, double Decoded) chosen) =>
            candidate.Decoded < chosen.Decoded - (grid.Frame / 2)
            || (candidate.Decoded <= chosen.Decoded + (grid.Frame / 2) && Math.Abs(candidate.Start - place.Wanted) < Math.Abs(chosen.Start - place.Wanted));
    }

    // A phase this close after the wanted one is as good: a keyframe a frame before a phase starts the window at once.
    private const double PhaseTolerance = 0.1;

    private static double Modulo(double value, double divisor) => divisor > 0 ? ((value % divisor) + divisor) % divisor : 0;

    // Starts on the frame grid of the renditions, so that the source's frames at the planned rate, counted from a
    // window's start, are the ones the encode made there.
    private readonly record struct FrameGrid(double Frame)
    {
        public double Floor(double seconds) => Frame > 0 ? Math.Floor((seconds / Frame) + 1e-9) * Frame : seconds;

        public double Ceiling(double seconds) => Frame > 0 ? Math.Ceiling((seconds / Frame) - 1e-9) * Frame : seconds;
    }
}
