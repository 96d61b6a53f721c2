namespace Transcoder.Bench.Dispatcher;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
