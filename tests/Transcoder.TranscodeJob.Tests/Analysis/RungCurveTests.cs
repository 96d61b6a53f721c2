using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Analysis;

public sealed class RungCurveTests
{
    private static readonly RungCurve Curve = new(
        new RenditionPlan("720p", 1280, 720, new Rational(30, 1), 3000, 128, false, false),
        [new TrialPoint(29, 1_000_000, 14, 33), new TrialPoint(23, 4_000_000, 17, 36)]);

    [Test]
    public void SsimDbAt_BetweenTrials_LinearInTheFactor()
    {
        // Act / Assert
        Assert.That(Curve.SsimDbAt(25), Is.EqualTo(16).Within(1e-9));
    }

    [Test]
    public void PsnrDbAt_BetweenTrials_LinearInTheFactor()
    {
        // Act / Assert
        Assert.That(Curve.PsnrDbAt(27), Is.EqualTo(34).Within(1e-9));
    }

    [Test]
    public void BitRateAt_BetweenTrials_LinearInItsLogarithm()
    {
        // Act / Assert: halfway between 4 and 1 Mb/s on a log scale is 2 Mb/s.
        Assert.That(Curve.BitRateAt(26), Is.EqualTo(2_000_000).Within(1));
    }

    [TestCase(10, 17, 4_000_000)]
    [TestCase(40, 14, 1_000_000)]
    public void At_OutsideTheTrials_TheNearestTrial(int crf, double ssimDb, double bitRate)
    {
        // Act / Assert
        Assert.That((Curve.SsimDbAt(crf), Curve.BitRateAt(crf)), Is.EqualTo((ssimDb, bitRate)).Within(1e-6));
    }
}
