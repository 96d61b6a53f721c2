using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class KeyframeGridTests
{
    [Test]
    public void FrameOfMark_NtscRate_FirstFrameAtOrAfterEachTwoSeconds()
    {
        // Arrange: 2 s is 59.94 frames at 30000/1001.
        var sut = new KeyframeGrid(new Rational(30000, 1001), 2);

        // Act / Assert: 17 × 2 s = 34 s is frame 1018.98, so 1019.
        Assert.That(new[] { 0L, 1, 2, 3, 17, 18 }.Select(sut.FrameOfMark), Is.EqualTo(new[] { 0L, 60, 120, 180, 1019, 1079 }));
    }

    [TestCase(30, 1, 2)]
    [TestCase(25, 1, 2)]
    [TestCase(24000, 1001, 2)]
    [TestCase(30000, 1001, 2)]
    [TestCase(60000, 1001, 2)]
    [TestCase(50, 1, 2.5)]
    [TestCase(1, 1, 2)]
    public void IsKeyframe_FourHours_SameFramesAsTheTimeRuleOfEarlierReleases(long numerator, long denominator, double gopSeconds)
    {
        // Arrange: the earlier rule, ffmpeg's expr:gte(t,n_forced*GOP) with t in floating point.
        var sut = new KeyframeGrid(new Rational(numerator, denominator), gopSeconds);
        var frames = 4 * 3600 * numerator / denominator;
        var frameSeconds = (double)denominator / numerator;
        var earlier = new List<long>();
        for (long n = 0, forced = 0; n < frames; n++)
        {
            if (n * frameSeconds >= forced * gopSeconds)
            {
                earlier.Add(n);
                forced++;
            }
        }

        // Act
        var exact = Enumerable.Range(0, (int)frames).Select(n => (long)n).Where(sut.IsKeyframe).ToList();

        // Assert: the exact rule changes no keyframe of a whole-source encode.
        Assert.That(exact, Is.EqualTo(earlier));
        Assert.That(exact.Take(50), Is.EqualTo(Enumerable.Range(0, 50).Select(m => sut.FrameOfMark(m))));
    }

    [Test]
    public void ForceKeyFrames_ChunkFromFrame1019_OffsetsTheEncodersFrameCount()
    {
        // Act
        var sut = new KeyframeGrid(new Rational(30000, 1001), 2);

        // Assert
        Assert.That(sut.ForceKeyFrames(), Is.EqualTo("expr:gt(floor(n*1001/60000),floor((n-1)*1001/60000))"));
        Assert.That(sut.ForceKeyFrames(1019), Is.EqualTo("expr:gt(floor((n+1019)*1001/60000),floor((n+1018)*1001/60000))"));
    }

    [Test]
    public void TimeOf_NtscFrame_ExactToTheTick()
    {
        // Act / Assert: 1019 × 1001 / 30000 s.
        Assert.That(new KeyframeGrid(new Rational(30000, 1001), 2).TimeOf(1019), Is.EqualTo(TimeSpan.FromTicks(340_006_333)));
    }
}
