using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Pipeline.Stages;

public sealed class DiskBudgetTests
{
    private const long Headroom = 64 * 1024 * 1024;

    [Test]
    public void ForSource_AnySize_AddsTheHeadroom()
    {
        // Act / Assert
        Assert.That(DiskBudget.ForSource(1_000), Is.EqualTo(1_000 + Headroom));
    }

    [Test]
    public void ForOutputs_ProgressiveCopiesAskedFor_TwiceTheTracks()
    {
        // Arrange: 1000 + 128 kbps for 100 s is 14.1 MB of tracks, 10% over for the containers.
        IReadOnlyList<RenditionPlan> plans = [new("720p", 1280, 720, Rational.Parse("30/1"), 1000, 128, null, false, false)];
        var duration = TimeSpan.FromSeconds(100);
        const long tracks = (long)(1128 * 1000.0 / 8 * 100 * 1.1);

        // Act
        var streaming = DiskBudget.ForOutputs(plans, duration, StreamingFormats.Hls | StreamingFormats.Dash);
        var withMp4 = DiskBudget.ForOutputs(plans, duration, StreamingFormats.Hls | StreamingFormats.Mp4);

        // Assert
        Assert.That(streaming, Is.EqualTo(Headroom + tracks).Within(1));
        Assert.That(withMp4, Is.EqualTo(Headroom + 2 * tracks).Within(2));
    }

    [Test]
    public void ForOutputs_Av1Twin_NoProgressiveCopyOfIt()
    {
        // Arrange: the 720p and its AV1 twin at the same caps; only the H.264 one gets an MP4.
        var h264 = new RenditionPlan("720p", 1280, 720, Rational.Parse("30/1"), 1000, 128, null, false, false);
        IReadOnlyList<RenditionPlan> plans = [h264, h264 with { Name = "720p-av1", Codec = VideoCodecs.Av1 }];
        const long track = (long)(1128 * 1000.0 / 8 * 100 * 1.1);

        // Act
        var withMp4 = DiskBudget.ForOutputs(plans, TimeSpan.FromSeconds(100), StreamingFormats.All);

        // Assert
        Assert.That(withMp4, Is.EqualTo(Headroom + 3 * track).Within(3));
    }
}
