using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class HlsSegmentBitRateTests
{
    [Test]
    public void Peak_TinyLastSegment_CountsWithItsNeighbourNotAlone()
    {
        // Arrange: 2 s segments of 32,000 bytes (128 kb/s) and a last one of 474 bytes over 21 ms (180 kb/s alone).
        SegmentSize[] segments = [new(32_000, 2), new(32_000, 2), new(474, 0.021)];

        // Act
        var peak = HlsSegmentBitRate.Peak(segments, HlsSegmentBitRate.TargetDuration(segments));

        // Assert: sets of 1 to 3 s; the last segment alone is 21 ms, too short to be a set.
        Assert.That(peak, Is.EqualTo((32_000 + 474) * 8 / 2.021).Within(1e-6));
    }

    [Test]
    public void Peak_OneBurstySegment_IsThatSegmentsRate()
    {
        // Arrange
        SegmentSize[] segments = [new(10_000, 2), new(90_000, 2), new(10_000, 2)];

        // Act
        var peak = HlsSegmentBitRate.Peak(segments, 2);

        // Assert
        Assert.That(peak, Is.EqualTo(90_000 * 8 / 2.0));
    }

    [Test]
    public void Peak_PlaylistShorterThanHalfTheTarget_IsTheWholePlaylistsRate()
    {
        // Arrange: one 0.4 s segment, target 1 s (the least there is).
        SegmentSize[] segments = [new(5_000, 0.4)];

        // Act
        var peak = HlsSegmentBitRate.Peak(segments, HlsSegmentBitRate.TargetDuration(segments));

        // Assert
        Assert.That(peak, Is.EqualTo(100_000));
    }

    [TestCase(new[] { 2.0, 2.0, 0.5 }, 2)]
    [TestCase(new[] { 2.5, 1.0 }, 3)]
    [TestCase(new[] { 0.3 }, 1)]
    public void TargetDuration_IsTheLargestRoundedDuration(double[] seconds, long expected)
    {
        // Act
        var target = HlsSegmentBitRate.TargetDuration(seconds.Select(s => new SegmentSize(1, s)));

        // Assert
        Assert.That(target, Is.EqualTo(expected));
    }
}
