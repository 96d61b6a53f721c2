using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class KeyframeSeekingTests
{
    private static readonly TimeSpan[] Keyframes = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    [TestCase("mpegts")]
    [TestCase("mpeg")]
    public void KeyframesFor_DemuxerWithoutIndex_TheKeyframesFromTheStart(string container)
    {
        Assert.That(KeyframeSeeking.KeyframesFor(container, Keyframes), Is.EqualTo(Keyframes.Prepend(TimeSpan.Zero)));
    }

    [TestCase("mov,mp4,m4a,3gp,3g2,mj2")]
    [TestCase("matroska,webm")]
    [TestCase("avi")]
    public void KeyframesFor_DemuxerThatFindsKeyframes_None(string container)
    {
        Assert.That(KeyframeSeeking.KeyframesFor(container, Keyframes), Is.Null);
    }

    [Test]
    public void KeyframesFor_NoKeyframeFlagged_ASeekReadsFromTheStartUpTo30SecondsIn()
    {
        var keyframes = KeyframeSeeking.KeyframesFor("mpegts", []);
        Assert.That(KeyframeSeeking.ReadFrom(keyframes, TimeSpan.FromSeconds(30)), Is.EqualTo(TimeSpan.Zero));
        Assert.That(KeyframeSeeking.ReadFrom(keyframes, TimeSpan.FromSeconds(3600)), Is.EqualTo(TimeSpan.FromSeconds(3600)));
    }

    [TestCase(0.0, 0.0)]
    [TestCase(3.9, 0.0)]
    [TestCase(4.0, 3.0)]
    [TestCase(7.5, 3.0)]
    [TestCase(20.0, 7.0)]
    [TestCase(37.0, 7.0)]
    [TestCase(37.5, 37.5)]
    public void ReadFrom_AMarginBeforeTheLastKeyframeAtOrBeforeTheSeekNeverBeforeTheStartAndAtMost30SecondsAhead(double at, double expected)
    {
        Assert.That(
            KeyframeSeeking.ReadFrom(KeyframeSeeking.KeyframesFor("mpegts", Keyframes), TimeSpan.FromSeconds(at)),
            Is.EqualTo(TimeSpan.FromSeconds(expected)));
    }

    [Test]
    public void ReadFrom_WithoutKeyframes_TheSeekItself()
    {
        Assert.That(KeyframeSeeking.ReadFrom(null, TimeSpan.FromSeconds(7.5)), Is.EqualTo(TimeSpan.FromSeconds(7.5)));
    }

    [Test]
    public void Only_TheKeyframesTheGivenSeeksReadFrom()
    {
        // Act: chunks seeking at 4.5 and 6 s both read from the keyframe at 4 s.
        var kept = KeyframeSeeking.Only(KeyframeSeeking.KeyframesFor("mpegts", Keyframes), [TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(6)]);

        // Assert
        Assert.That(kept, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(4) }));
        Assert.That(KeyframeSeeking.Only(null, [TimeSpan.FromSeconds(4.5)]), Is.Null);
    }
}
