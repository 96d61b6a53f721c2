using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// Where the quality of the renditions is measured: windows spread evenly over the source, more of them for a longer
/// one, so that the measurement's cost stays a small share of the encode's.
/// <para>
/// Measuring a frame costs about what encoding it costs (every rendition decoded again and scaled up to the top rung's
/// size, SSIM and PSNR at that size for each, and the source decoded again unless the encode kept the windows'
/// pictures, <see cref="KeptReference"/>), so the windows hold about
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

    /// <summary>The rule above, for <see cref="SampledWindows"/>.</summary>
    public static SamplingRule Rule { get; } = new(SampledShare, SecondsPerWindow, MinWindows, MaxWindows, MinWindowSeconds, MaxWindowSeconds, WholeFromShare: 0.5);

    /// <summary>The windows for a source of <paramref name="duration"/> measured at <paramref name="frameRate"/>.</summary>
    /// <param name="gopSeconds">
    /// The renditions' keyframe interval. Under capped CRF a keyframe is the best picture of its GOP and quality falls
    /// until the next, so windows at one phase of the GOP would all measure the same part of that cycle (measured: 0.2 dB
    /// low on 30 s of 1080p). Their phases are staggered instead, so that together they cover the cycle.
    /// </param>
    /// <param name="keyframes">The source's keyframes (see <see cref="SampledWindows"/>), or none.</param>
    public static IReadOnlyList<QualityWindow> For(TimeSpan duration, Rational frameRate, double gopSeconds, IReadOnlyList<TimeSpan>? keyframes = null) =>
        SampledWindows.For(Rule, duration, frameRate, gopSeconds, staggered: true, keyframes);
}
