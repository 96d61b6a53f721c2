using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LadderPlannerTests
{
    private static LadderPlanner CreateSut(Ladder? ladder = null) => new(ladder ?? Ladder.Default);

    private static string[] Sizes(IEnumerable<RenditionPlan> plans) => [.. plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")];

    [Test]
    public void PlanFor_Landscape1080p_GivesTheWholeLadder()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(1920, 1080));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360" }));
    }

    [Test]
    public void PlanFor_PortraitSourceByRotation_KeepsOrientation()
    {
        // Arrange: a phone held upright stores 1920x1080 and a quarter-turn display matrix.
        var source = TestMedia.Source(1920, 1080, rotation: 90);

        // Act
        var plans = CreateSut().PlanFor(source);

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "1080p 1080x1920", "720p 720x1280", "480p 480x854", "360p 360x640" }));
    }

    [Test]
    public void PlanFor_UpsideDown_StaysLandscape()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(1280, 720, rotation: 180));

        // Assert
        Assert.That(plans[0].Width, Is.EqualTo(1280));
        Assert.That(plans[0].Height, Is.EqualTo(720));
    }

    [Test]
    public void PlanFor_AnamorphicDvd_UsesDisplayAspectWithSquarePixels()
    {
        // Arrange: 720x480 with 32:27 pixels is shown as 853x480 (16:9).
        var source = TestMedia.Source(720, 480, sar: new Rational(32, 27));

        // Act
        var plans = CreateSut().PlanFor(source);

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "480p 854x480", "360p 640x360" }));
        foreach (var plan in plans)
        {
            var aspect = (double)plan.Width / plan.Height;
            Assert.That(aspect, Is.EqualTo(16.0 / 9).Within(0.01 * 16 / 9), plan.Name);
        }
    }

    [Test]
    public void PlanFor_SourceSmallerThanSmallestRung_GetsOneRenditionAtItsOwnSize()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(320, 240));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "240p 320x240" }));
        Assert.That(plans[0].VideoKbps, Is.LessThan(800).And.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void PlanFor_OddDimensions_AllEven()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(321, 241));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "240p 320x240" }));
    }

    [Test]
    public void PlanFor_BetweenRungs_AddsItsOwnSizeAboveTheRungsThatFit()
    {
        // Act: a 960x540 upload keeps its 540 lines rather than dropping to 480.
        var plans = CreateSut().PlanFor(TestMedia.Source(960, 540));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "540p 960x540", "480p 854x480", "360p 640x360" }));
        Assert.That(plans[0].VideoKbps, Is.GreaterThan(1500).And.LessThan(3000));
    }

    [Test]
    public void PlanFor_JustAboveARung_DoesNotAddANearDuplicate()
    {
        // Act: NTSC's 486 lines is within 10% of 480.
        var plans = CreateSut().PlanFor(TestMedia.Source(720, 486));

        // Assert
        Assert.That(plans.Select(p => p.Name), Is.EqualTo(new[] { "480p", "360p" }));
    }

    [Test]
    public void PlanFor_4K_TopsOutAtTheLaddersTallestRung()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(3840, 2160));

        // Assert
        Assert.That(plans.Select(p => p.Name), Is.EqualTo(new[] { "1080p", "720p", "480p", "360p" }));
        Assert.That(plans[0].Width, Is.EqualTo(1920));
    }

    [Test]
    public void PlanFor_CustomLadderWith4K_Includes2160p()
    {
        // Arrange
        var ladder = new Ladder([new("2160p", 2160, 16000, 192), new("1080p", 1080, 6000, 128)], new EncoderSettings("fast", 21, 4));

        // Act
        var plans = CreateSut(ladder).PlanFor(TestMedia.Source(3840, 2160));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "2160p 3840x2160", "1080p 1920x1080" }));
        Assert.That(plans[0].VideoKbps, Is.EqualTo(16000));
    }

    [Test]
    public void PlanFor_UltraWide_KeepsAspectWithinOnePercent()
    {
        // Arrange: 2.39:1 scope.
        var source = TestMedia.Source(1920, 804);

        // Act
        var plans = CreateSut().PlanFor(source);

        // Assert
        foreach (var plan in plans)
        {
            Assert.That((double)plan.Width / plan.Height, Is.EqualTo(1920.0 / 804).Within(0.01 * 1920 / 804), plan.Name);
            Assert.That(plan.Width % 2 + plan.Height % 2, Is.Zero, plan.Name);
        }
    }

    [Test]
    public void PlanFor_120fps_CapsAt60AndRaisesBitrate()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(1920, 1080, frameRate: new Rational(120, 1)));

        // Assert
        Assert.That(plans[0].FrameRate, Is.EqualTo(new Rational(60, 1)));
        Assert.That(plans[0].VideoKbps, Is.EqualTo(9000));
    }

    [Test]
    public void PlanFor_AudioOnly_NoVideoRenditions()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(1280, 720) with { Video = null });

        // Assert
        Assert.That(plans, Is.Empty);
    }

    [Test]
    public void PlanFor_HdrInterlacedSource_AsksForToneMappingAndDeinterlacing()
    {
        // Act
        var plans = CreateSut().PlanFor(TestMedia.Source(1920, 1080, pixelFormat: "yuv420p10le", colorTransfer: "smpte2084", fieldOrder: "tt"));

        // Assert
        Assert.That(plans.Select(p => p.ToneMap), Is.All.True);
        Assert.That(plans.Select(p => p.Deinterlace), Is.All.True);
    }

    [Test]
    public void PlanFor_TinySource_IsBadInput()
    {
        // Act / Assert
        var failure = Assert.Throws<JobException>(() => CreateSut().PlanFor(TestMedia.Source(8, 8)));
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Does.Contain("8x8"));
    }

    [Test]
    public void PlanFor_ExtremelyWide_BadInputNamingTheLimit()
    {
        // Act
        var failure = Assert.Throws<JobException>(() => CreateSut().PlanFor(TestMedia.Source(32768, 16)));

        // Assert
        Assert.That(failure!.Message, Is.EqualTo("picture 32768x16 is 2048 times as wide as it is tall, beyond the 10:1 the job encodes"));
    }

    [Test]
    public void PlanFor_PixelsAHundredTimesWide_BadInputNamingTheLimit()
    {
        // Act
        var failure = Assert.Throws<JobException>(() => CreateSut().PlanFor(TestMedia.Source(64, 64, sar: new Rational(100, 1))));

        // Assert
        Assert.That(failure!.Message, Is.EqualTo("picture 64x64 has a pixel aspect ratio of 100:1, outside the 1:10 to 10:1 the job encodes"));
    }

    [Test]
    public void PlanFor_NineToOnePanorama_RungsWiderThanDecodersTakeAreDropped()
    {
        // Act: 9720x1080 would make a 1080p rung 9720 px wide.
        var plans = CreateSut().PlanFor(TestMedia.Source(9720, 1080));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "720p 6480x720", "480p 4320x480", "360p 3240x360" }));
    }

    // 720p and 360p offer an AV1 twin, 480p does not.
    private static Ladder Av1Ladder(VideoCodecs codecs) => new Ladder(
        [
            new("720p", 720, 3000, 128) { Av1Kbps = 2000 },
            new("480p", 480, 1500, 96),
            new("360p", 360, 800, 96) { Av1Kbps = 500 },
        ],
        new EncoderSettings()) { Codecs = codecs };

    [Test]
    public void PlanFor_Av1Asked_TwinsOfTheRungsThatOfferOneAfterTheH264Ones()
    {
        // Act
        var plans = CreateSut(Av1Ladder(VideoCodecs.H264 | VideoCodecs.Av1)).PlanFor(TestMedia.Source(1920, 1080));

        // Assert: the same pictures under the AV1 caps.
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "720p 1280x720", "480p 854x480", "360p 640x360", "720p-av1 1280x720", "360p-av1 640x360" }));
        Assert.That(plans.Select(p => (p.Codec, p.VideoKbps, p.TrackFileName)), Is.EqualTo(new[]
        {
            (VideoCodecs.H264, 3000, "720p.cmfv"), (VideoCodecs.H264, 1500, "480p.cmfv"), (VideoCodecs.H264, 800, "360p.cmfv"),
            (VideoCodecs.Av1, 2000, "720p-av1.cmfv"), (VideoCodecs.Av1, 500, "360p-av1.cmfv"),
        }));
    }

    [Test]
    public void PlanFor_H264Only_NoTwinsEvenWhereTheLadderOffersThem()
    {
        // Act
        var plans = CreateSut(Av1Ladder(VideoCodecs.H264)).PlanFor(TestMedia.Source(1920, 1080));

        // Assert
        Assert.That(plans.Select(p => p.Codec), Is.All.EqualTo(VideoCodecs.H264));
        Assert.That(plans, Has.Count.EqualTo(3));
    }

    [Test]
    public void PlanFor_Av1At60fps_TwinCapRaisedAsTheH264One()
    {
        // Act
        var plans = CreateSut(Av1Ladder(VideoCodecs.H264 | VideoCodecs.Av1)).PlanFor(TestMedia.Source(1280, 720, frameRate: new Rational(60, 1)));

        // Assert
        Assert.That(plans.Single(p => p.Name == "720p-av1").VideoKbps, Is.EqualTo(3000));
    }

    [Test]
    public void PlanFor_Av1ForAPictureUnder64Pixels_NoTwin()
    {
        // Arrange: SVT-AV1 refuses a picture under 64 px on a side; a 96x54 source gets one 54p rung.
        var ladder = Av1Ladder(VideoCodecs.H264 | VideoCodecs.Av1);

        // Act
        var plans = CreateSut(ladder).PlanFor(TestMedia.Source(96, 54));

        // Assert
        Assert.That(Sizes(plans), Is.EqualTo(new[] { "54p 96x54" }));
        Assert.That(CreateSut(ladder).PlanFor(TestMedia.Source(128, 72)).Select(p => p.Name), Is.EqualTo(new[] { "72p", "72p-av1" }));
    }
}
