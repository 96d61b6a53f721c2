using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Probing;

public sealed class FrameIntervalHistogramTests
{
    [Test]
    public void Percentile_BurstsAndStills_TheFasterFramesSpacingToTheMillisecond()
    {
        // Arrange: 90 frames 1/30 s apart, 10 holds of 3 s.
        var histogram = new FrameIntervalHistogram();
        for (var i = 0; i < 90; i++)
        {
            histogram.Add(1 / 30.0);
        }

        for (var i = 0; i < 10; i++)
        {
            histogram.Add(3);
        }

        // Act
        var fastest = histogram.Percentile(0.2);

        // Assert: the bin's mean (to a tick), not its edge.
        Assert.That(fastest!.Value.TotalSeconds, Is.EqualTo(1 / 30.0).Within(1e-6));
        Assert.That(histogram.Percentile(0.95)!.Value.TotalSeconds, Is.EqualTo(3).Within(1e-6));
    }

    [Test]
    public void Add_ZeroNegativeOrInfinite_NotCounted()
    {
        // Arrange
        var histogram = new FrameIntervalHistogram();

        // Act
        histogram.Add(0);
        histogram.Add(-1);
        histogram.Add(double.PositiveInfinity);

        // Assert
        Assert.That((histogram.Count, histogram.Percentile(0.2)), Is.EqualTo((0L, (TimeSpan?)null)));
    }
}
