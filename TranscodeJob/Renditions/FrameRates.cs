using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>Chooses the output frame rate: the source's, tidied and capped.</summary>
internal static class FrameRates
{
    public const int Maximum = 60;

    /// <summary>
    /// The slowest planned rate: a source whose pictures come further apart (a still over a song, a slide every few
    /// minutes) is shown at one frame a second, so that the constant-rate conversion repeats each picture once a second
    /// instead of 25 or 60 times.
    /// </summary>
    public static readonly Rational Minimum = new(1, 1);

    // A VFR source whose faster frames come this much faster than its average has motion the average would lose.
    private const double VariableRateMargin = 1.25;

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
    /// The rate a source's pictures really come at, as its packets show it, for <see cref="Plan"/>:
    /// <list type="bullet">
    /// <item>a VFR source (a screen recording that averages 5 fps but moves at 30) at the spacing of its faster
    /// frames, so that its motion is kept;</item>
    /// <item>a source whose header declares far more frames than it holds (one frame, then an hour of sound, declared
    /// 25 fps) at the rate of the frames it has;</item>
    /// <item>anything else, and every interlaced source (whose packets may be fields), at the header's average.</item>
    /// </list>
    /// </summary>
    public static Rational ForSource(VideoStreamInfo video, PacketScan? packets)
    {
        if (packets is null || video.IsInterlaced || packets.End <= TimeSpan.Zero || packets.VideoPackets == 0)
        {
            return video.FrameRate;
        }

        var average = packets.VideoPackets / packets.End.TotalSeconds;
        var moving = packets.MovingFrameInterval is { TotalSeconds: > 0 } interval ? 1 / interval.TotalSeconds : 0;
        if (moving > average * VariableRateMargin)
        {
            return Measured(moving);
        }

        return !video.FrameRate.IsPositive || average < video.FrameRate.Value / 2 ? Measured(Math.Max(average, moving)) : video.FrameRate;
    }

    // A measured rate as a fraction ffmpeg takes, to a thousandth of a frame a second; Plan snaps it to a standard one.
    // Never zero: a rate that rounds to nothing (one frame in over half an hour) is the slowest there is, not
    // "unknown", which Plan would read as the 30 fps fallback and repeat one picture 30 times a second for hours.
    private static Rational Measured(double rate) => new(Math.Max(1, (long)Math.Round(rate * 1000)), 1000);

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

        if (source.Value < Minimum.Value)
        {
            return Minimum;
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
