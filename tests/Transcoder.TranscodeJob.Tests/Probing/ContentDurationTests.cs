using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Probing;

public sealed class ContentDurationTests
{
    private static PacketScan Scan(double end, double lastFrame = -1, double gap = 0, params string[] errors) =>
        new(TimeSpan.FromSeconds(end), TimeSpan.FromSeconds(lastFrame < 0 ? end - 0.04 : lastFrame), 100, (TimeSpan.FromSeconds(gap), TimeSpan.FromSeconds(1)), errors);

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    [Test]
    public void Resolve_NoHeaderDuration_IsThePacketsEnd()
    {
        // Act / Assert
        Assert.That(ContentDuration.Resolve(null, Scan(4.02), audioOnly: false, "rec.webm"), Is.EqualTo(Seconds(4.02)));
    }

    [Test]
    public void Resolve_HeaderClaimsFarMoreAndTheFileReadsCleanly_ThePacketsWin()
    {
        // Act: a 1 s fragmented MP4 whose header claims 143,165 s.
        var duration = ContentDuration.Resolve(Seconds(143_165), Scan(1.0), audioOnly: false, "broadcast.mp4");

        // Assert
        Assert.That(duration, Is.EqualTo(Seconds(1.0)));
    }

    [Test]
    public void Resolve_MediaStopsShortWithDemuxErrors_TruncatedBadInput()
    {
        // Act
        var failure = Assert.Throws<JobException>(() => ContentDuration.Resolve(Seconds(5), Scan(1.3, errors: "stream 0, offset 0x5c2f1: partial file"), audioOnly: false, "cut.mp4"));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo("cut.mp4 is truncated: its container declares 5 s but its media stops at 1.3 s (stream 0, offset 0x5c2f1: partial file)"));
    }

    [Test]
    public void Resolve_LastFrameHeldLongerThanPacketsSay_TheHeaderKeepsTheTail()
    {
        // Act: a screen recording: last frame at 7.3 s, shown until 8.7 s.
        var duration = ContentDuration.Resolve(Seconds(8.7), Scan(7.34, lastFrame: 7.3), audioOnly: false, "screen.mkv");

        // Assert
        Assert.That(duration, Is.EqualTo(Seconds(8.7)));
    }

    [Test]
    public void Resolve_TimelineGapBeyondTheLimit_BadInputNamingIt()
    {
        // Act
        var failure = Assert.Throws<JobException>(() => ContentDuration.Resolve(Seconds(36_002), Scan(36_002, gap: 36_000), audioOnly: false, "tiny.mkv"));

        // Assert
        Assert.That(failure!.Message, Does.StartWith("tiny.mkv: its timestamps jump 36000 s at 1 s with no audio or video in between"));
    }

    [Test]
    public void Resolve_AudioOnlyWithAudioPackets_IsThePacketsEnd()
    {
        // Arrange: no video packet, 3 s of audio.
        var scan = new PacketScan(Seconds(3), TimeSpan.Zero, 0, (TimeSpan.Zero, TimeSpan.Zero), []) { AudioPackets = 141 };

        // Act / Assert
        Assert.That(ContentDuration.Resolve(null, scan, audioOnly: true, "episode.mp3"), Is.EqualTo(Seconds(3)));
    }

    [Test]
    public void Resolve_AudioOnlyWithoutAudioPackets_BadInputNamingTheAudio()
    {
        // Arrange
        var scan = new PacketScan(Seconds(3), TimeSpan.Zero, 0, (TimeSpan.Zero, TimeSpan.Zero), []);

        // Act
        var failure = Assert.Throws<JobException>(() => ContentDuration.Resolve(Seconds(3), scan, audioOnly: true, "episode.mp3"));

        // Assert
        Assert.That(failure!.Message, Is.EqualTo("episode.mp3 has no audio to read"));
    }

    [Test]
    public void Resolve_NoVideoPackets_BadInput()
    {
        // Arrange
        var scan = new PacketScan(TimeSpan.Zero, TimeSpan.Zero, 0, (TimeSpan.Zero, TimeSpan.Zero), []);

        // Act / Assert
        Assert.Throws<JobException>(() => ContentDuration.Resolve(Seconds(3), scan, audioOnly: false, "x.mp4"));
    }
}
