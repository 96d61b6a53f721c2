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
    public static IReadOnlyList<QualityWindow> For(TimeSpan duration, Rational frameRate, double gopSeconds)
    {
        var seconds = duration.TotalSeconds;
        var count = Math.Clamp((int)Math.Ceiling(seconds / SecondsPerWindow), MinWindows, MaxWindows);
        var length = Math.Clamp(SampledShare * seconds / count, MinWindowSeconds, MaxWindowSeconds);
        if (count * length >= seconds / 2)
        {
            return [new QualityWindow(TimeSpan.Zero, duration)];
        }

        // Starts on the frame grid of the renditions, so that the source's frames at the planned rate, counted from a
        // window's start, are the ones the encode made there.
        var frame = frameRate.Value > 0 ? 1 / frameRate.Value : 0;
        var phases = gopSeconds > length ? Math.Min(count, (int)Math.Ceiling(gopSeconds / length)) : 1;
        var windows = new List<QualityWindow>(count);
        for (var i = 0; i < count; i++)
        {
            var middle = (i + 0.5) * seconds / count;
            var phase = phases > 1 ? i % phases * gopSeconds / phases : 0;
            var gopStart = phases > 1 ? Math.Floor(middle / gopSeconds) * gopSeconds : middle - length / 2;
            var start = Math.Clamp(gopStart + phase, 0, seconds - length);
            if (frame > 0)
            {
                start = Math.Floor(start / frame) * frame;
            }

            windows.Add(new QualityWindow(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(length)));
        }

        return windows;
    }
}
