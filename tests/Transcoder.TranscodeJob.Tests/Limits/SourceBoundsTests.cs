using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Limits;

public sealed class SourceBoundsTests
{
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private static SourceMedia Media(int width, int height, double seconds, long frames, double? movingInterval = null, double silentStill = 0) =>
        TestMedia.Source(width, height, seconds: seconds) with
        {
            Packets = new PacketScan(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds), frames, (TimeSpan.Zero, TimeSpan.Zero), [])
            {
                MovingFrameInterval = movingInterval is { } interval ? TimeSpan.FromSeconds(interval) : null,
                LongestSilentStill = (TimeSpan.FromSeconds(silentStill), TimeSpan.FromSeconds(3)),
            },
        };

    private static string Refusal(SourceMedia media, SourceLimits? limits = null) =>
        Assert.Throws<JobException>(() => SourceBounds.Check(media, limits ?? SourceLimits.Default, FourHours, "in.mp4"))!.Message;

    [Test]
    public void Check_OrdinaryUploads_Pass()
    {
        // Act / Assert: 4K60 for an hour, an 8K30 clip, a 240 fps phone slow motion.
        Assert.DoesNotThrow(() => SourceBounds.Check(Media(3840, 2160, 3600, 216_000, 1 / 60.0), SourceLimits.Default, FourHours, "a"));
        Assert.DoesNotThrow(() => SourceBounds.Check(Media(7680, 4320, 0.34, 10, 1 / 30.0), SourceLimits.Default, FourHours, "b"));
        Assert.DoesNotThrow(() => SourceBounds.Check(Media(1920, 1080, 10, 2400, 1 / 240.0), SourceLimits.Default, FourHours, "c"));
    }

    [Test]
    public void Check_LongerThanTheLimit_NamesTheSetting() =>
        Assert.That(Refusal(Media(640, 360, 20_000, 500_000)), Is.EqualTo("in.mp4 lasts 20000 s, over the 14400 s limit (MAX_SOURCE_SECONDS / --max-duration)"));

    [Test]
    public void Check_PictureOverTheLimit_NamesTheSetting() =>
        Assert.That(Refusal(Media(16000, 16000, 1, 25)), Is.EqualTo("in.mp4: its pictures are 16000x16000 (256 megapixels), over the 35.4-megapixel limit (MAX_PIXELS_PER_FRAME)"));

    [Test]
    public void Check_TooManyFrames_NamesTheSetting() =>
        Assert.That(Refusal(Media(64, 64, 100, 1_000, 0.1), SourceLimits.Default with { MaxFrames = 999 }), Does.EndWith("has 1000 video frames, over the limit of 999 (MAX_SOURCE_FRAMES)"));

    [Test]
    public void Check_ThousandFramesInASecondOfAnHour_TheFasterFramesCount() =>
        Assert.That(Refusal(Media(320, 180, 3600, 4600, 0.001)), Does.Contain("shows 1000 pictures a second (measured from its packets), over the limit of 300 (MAX_FRAME_RATE)"));

    [Test]
    public void Check_PixelsASecondOverTheLimit_NamesTheSetting() =>
        Assert.That(Refusal(Media(8192, 4320, 1, 120, 1 / 120.0)), Does.Contain("over the limit of 1991 (MAX_PIXELS_PER_SECOND)"));

    [Test]
    public void Check_PictureHeldInSilence_NotContent() =>
        Assert.That(Refusal(Media(320, 180, 300, 5, silentStill: 70)), Is.EqualTo("in.mp4 shows one picture for 70 s from 3 s with no sound: a still held over 60 s in silence is not encoded as video"));
}
