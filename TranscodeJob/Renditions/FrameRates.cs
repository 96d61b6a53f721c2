using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>Chooses the output frame rate: the source's, tidied and capped.</summary>
internal static class FrameRates
{
    public const int Maximum = 60;

    // Used when the source does not say (some raw and VFR streams).
    public static readonly Rational Fallback = new(30, 1);

    // Phones record variable frame rate; an average of 29.87 is really 30. Snapping within 1% keeps outputs on
    // the rates players and ABR ladders expect.
    private static readonly Rational[] Standard =
    [
        new(24000, 1001), new(24, 1), new(25, 1), new(30000, 1001), new(30, 1),
        new(48, 1), new(50, 1), new(60000, 1001), new(60, 1),
    ];

    /// <summary>
    /// The source rate snapped to a standard rate within 1%; above 60 fps divided by the smallest whole number
    /// that brings it to 60 or below (120 → 60, 100 → 50), so motion keeps an even cadence.
    /// </summary>
    public static Rational Plan(Rational source)
    {
        if (!source.IsPositive || source.Value > 1000)
        {
            return Fallback;
        }

        var rate = Snap(source);
        if (rate.Value > Maximum + 0.001)
        {
            var divisor = (long)Math.Ceiling(rate.Value / Maximum - 0.0001);
            rate = Snap(Reduce(new Rational(rate.Numerator, rate.Denominator * divisor)));
        }

        return Reduce(rate);
    }

    private static Rational Snap(Rational rate)
    {
        var nearest = Standard.MinBy(s => Math.Abs(rate.Value - s.Value) / s.Value);
        return Math.Abs(rate.Value - nearest.Value) / nearest.Value < 0.01 ? nearest : rate;
    }

    private static Rational Reduce(Rational rate)
    {
        var divisor = GreatestCommonDivisor(rate.Numerator, rate.Denominator);
        return divisor > 1 ? new Rational(rate.Numerator / divisor, rate.Denominator / divisor) : rate;
    }

    private static long GreatestCommonDivisor(long a, long b) => b == 0 ? Math.Abs(a) : GreatestCommonDivisor(b, a % b);
}
