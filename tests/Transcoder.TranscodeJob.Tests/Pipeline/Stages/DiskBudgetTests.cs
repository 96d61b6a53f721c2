using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

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
    public void ForOutputs_ProgressiveCopiesAskedFor_TheVideoAndTheDefaultAudioAgain()
    {
        // Arrange: 1000 kbps of video and two 128 kbps audio tracks for 100 s, 10% over for the containers; the MP4
        // holds the video and the default audio again.
        IReadOnlyList<RenditionPlan> plans = [new("720p", 1280, 720, Rational.Parse("30/1"), 1000, 128, false, false)];
        var audio = new AudioTracks(
            [new AudioPlan(TestMedia.Stereo, 128), new AudioPlan(TestMedia.Stereo with { Index = 2 }, 128) { Facts = new AudioFacts("fr", "French", AudioRole.Alternate, false, 2) }], []);
        var duration = TimeSpan.FromSeconds(100);
        static long Bytes(int kbps) => (long)(kbps * 1000.0 / 8 * 100 * 1.1);

        // Act
        var streaming = DiskBudget.ForOutputs(plans, audio, duration, StreamingFormats.Hls | StreamingFormats.Dash);
        var withMp4 = DiskBudget.ForOutputs(plans, audio, duration, StreamingFormats.Hls | StreamingFormats.Mp4);

        // Assert
        Assert.That(streaming, Is.EqualTo(Headroom + Bytes(1256)).Within(1));
        Assert.That(withMp4, Is.EqualTo(Headroom + Bytes(1256 + 1128)).Within(2));
    }

    [Test]
    public void ForOutputs_AudioOnly_TheTracksAndTheM4a()
    {
        // Act
        var bytes = DiskBudget.ForOutputs([], new AudioTracks([new AudioPlan(TestMedia.Stereo, 128)], []), TimeSpan.FromSeconds(100), StreamingFormats.Hls | StreamingFormats.Mp4);

        // Assert
        Assert.That(bytes, Is.EqualTo(Headroom + (long)(256 * 1000.0 / 8 * 100 * 1.1)).Within(1));
    }

    [Test]
    public void ForOutputs_Av1Twin_NoProgressiveCopyOfIt()
    {
        // Arrange: the 720p and its AV1 twin at the same caps; only the H.264 one gets an MP4.
        var h264 = new RenditionPlan("720p", 1280, 720, Rational.Parse("30/1"), 1000, 128, false, false);
        IReadOnlyList<RenditionPlan> plans = [h264, h264 with { Name = "720p-av1", Codec = VideoCodecs.Av1 }];
        var audio = new AudioTracks([new AudioPlan(TestMedia.Stereo, 128)], []);

        // Act
        var withMp4 = DiskBudget.ForOutputs(plans, audio, TimeSpan.FromSeconds(100), StreamingFormats.All);

        // Assert: two video tracks and the audio track, then one MP4 of the H.264 video and the audio.
        Assert.That(withMp4, Is.EqualTo(Headroom + (long)((2128 + 1128) * 1000.0 / 8 * 100 * 1.1)).Within(2));
    }
}
