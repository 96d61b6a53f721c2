using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class DashBandwidthTests
{
    [Test]
    public void Of_TinyLastSegment_DoesNotDriveTheFigure()
    {
        // Arrange: 128 kb/s in 2 s segments and a last segment of 474 bytes over 21 ms; buffer 2 s.
        SegmentSize[] segments = [new(32_000, 2), new(32_000, 2), new(474, 0.021)];

        // Act
        var bandwidth = DashBandwidth.Of(segments, 2);

        // Assert: the binding constraint is the whole file from the start: 64,474 bytes by 2 + 4 s.
        Assert.That(bandwidth, Is.EqualTo((long)Math.Ceiling(Math.Max(32_000 * 8 / 2.0, 64_474 * 8 / 6.0))));
        Assert.That(bandwidth, Is.LessThan(474 * 8 / 0.021), "below the last segment's own rate");
    }

    [Test]
    public void Of_BurstAfterQuietSegments_BurstStartIsTheWorstSap()
    {
        // Arrange: starting at the burst leaves no quiet segments to bank bits in.
        SegmentSize[] segments = [new(10_000, 2), new(10_000, 2), new(100_000, 2), new(10_000, 2)];

        // Act
        var bandwidth = DashBandwidth.Of(segments, 2);

        // Assert: from the burst: 100,000 bytes in the 2 s buffer.
        Assert.That(bandwidth, Is.EqualTo(400_000));
    }

    [Test]
    public void Of_ConstantRate_IsThatRate()
    {
        // Arrange
        SegmentSize[] segments = [new(25_000, 2), new(25_000, 2), new(25_000, 2)];

        // Act
        var bandwidth = DashBandwidth.Of(segments, 2);

        // Assert
        Assert.That(bandwidth, Is.EqualTo(100_000));
    }
}
