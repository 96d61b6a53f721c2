using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;

namespace Transcoder.TranscodeJob.Tests.Quality;

public sealed class QualityWindowTests
{
    [TestCase(60, 30, 1)]
    [TestCase(61, 30000, 1001)]
    [TestCase(7, 25600, 867)]
    [TestCase(0, 25, 1)]
    public void RenditionSeekPoint_FrameOnTheGrid_AtMostAMicrosecondBeforeIt(int frame, int numerator, int denominator)
    {
        // Arrange: a window that starts on frame n of the renditions' grid, as SampledWindows places them.
        var start = frame * (double)denominator / numerator;
        var window = new QualityWindow(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(0.5));

        // Act
        var seek = window.RenditionSeekPoint.TotalSeconds;

        // Assert: never after the frame (which a seek would skip), and never far enough before it to reach the frame or
        // the keyframe before it; whole microseconds, as the seek is written.
        Assert.That(seek, Is.LessThanOrEqualTo(start + 1e-9));
        Assert.That(start - seek, Is.LessThan(1e-6));
        Assert.That(window.RenditionSeekPoint.Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        Assert.That(window.SeekPoint(new Rational(numerator, denominator)).TotalSeconds, Is.LessThan(frame == 0 ? 1e-9 : start - 1e-3),
            "the source's seek stays a quarter frame before");
    }
}
