using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Metrics;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.Testing;

namespace Transcoder.TranscodeJob.Tests.Events;

public sealed class JobEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly JobSpec Spec = new()
    {
        Source = new S3Input("uploads", "a.mp4"),
        Revision = SourceRevision.Parse("etag:1"),
        JobId = "j1",
        Output = S3Output.Create("prod", "videos"),
        Passthrough = "order-42",
    };

    [Test]
    public void For_Superseded_SupersededEventWithTheReason()
    {
        // Arrange
        var superseded = new SourceSupersededException("s3://uploads/a.mp4", SourceRevision.Parse("etag:1"), SourceRevision.Parse("etag:2"));

        // Act
        var jobEvent = JobEvents.For(new JobEnd(ExitCodes.Success, "j1", null, superseded, null, null), Spec, Now)!;

        // Assert
        Assert.That((jobEvent.Type, jobEvent.JobId, jobEvent.Revision, jobEvent.Passthrough), Is.EqualTo(("job.superseded", "j1", "etag:1", "order-42")));
        Assert.That(jobEvent.Error, Does.Contain("etag:2"));
        Assert.That(JobMetricsLine.OutcomeOf(new JobEnd(ExitCodes.Success, "j1", null, superseded, null, null)), Is.EqualTo("superseded"));
    }

    [TestCase(true, "poster.jpg")]
    [TestCase(false, null)]
    public void For_DoneAudioOnly_ThePosterOnlyFromCoverArt(bool coverArt, string? poster)
    {
        // Arrange
        var manifest = System.Text.Json.JsonSerializer.Deserialize(
            JobDocuments.AudioOnlyManifest("abc", Now, coverArt), ManifestJsonContext.Default.JobManifest)!;
        var end = new JobEnd(ExitCodes.Success, "j1", new JobOutcome("j1", "s3://prod/videos/a-0123/", false, manifest), null, null, 1000);

        // Act
        var jobEvent = JobEvents.For(end, Spec, Now)!;

        // Assert
        Assert.That(jobEvent.Outputs!.Poster, Is.EqualTo(poster));
        Assert.That(jobEvent.Outputs.Files.Select(f => f.File), Does.Contain("audio.m4a"));
        Assert.That(jobEvent.Outputs.Quality, Is.Empty);
    }

    [Test]
    public void For_CaptionAttached_DoneWithTheVideosOutputsButNoneOfItsWorkCounted()
    {
        // Arrange: a caption job's outcome carries its video's manifest.
        var manifest = System.Text.Json.JsonSerializer.Deserialize(Testing.JobDocuments.Manifest("abc", Now), ManifestJsonContext.Default.JobManifest)!;
        var outcome = new JobOutcome("j1", "s3://prod/videos/a-0123/", AlreadyDone: false, manifest, TimeSpan.Zero, SourceRevision.Parse("etag:1")) { Attached = true };
        var end = new JobEnd(ExitCodes.Success, "j1", outcome, null, null, 120);

        // Act
        var jobEvent = JobEvents.For(end, Spec with { Source = new S3Input("uploads", "a.fr.srt"), Kind = JobKind.AttachCaption }, Now)!;
        var metrics = System.Text.Json.JsonDocument.Parse(JobMetricsLine.For(end, 1, Now)).RootElement;

        // Assert
        Assert.That((jobEvent.Type, jobEvent.Source.Key, jobEvent.Outputs!.Hls, jobEvent.EncodeSeconds), Is.EqualTo(("job.done", (string?)"a.fr.srt", (string?)"master.m3u8", (double?)null)));
        Assert.That(metrics.GetProperty("Outcome").GetString(), Is.EqualTo("done"));
        Assert.That(metrics.GetProperty("BytesIn").GetDouble(), Is.EqualTo(120));
        Assert.That(new[] { "SourceSeconds", "OutputSeconds", "EncodeSeconds", "BytesOut" }.Where(name => metrics.TryGetProperty(name, out _)), Is.Empty, "the video's, not this job's");
    }

    [TestCase(ExitCodes.Transient)]
    [TestCase(ExitCodes.Unexpected)]
    [TestCase(ExitCodes.Terminated)]
    [TestCase(ExitCodes.Usage)]
    public void For_FailureThatIsRetried_NoEventButAFailedMetric(int exitCode)
    {
        // Arrange: the retry tells how it ends; an event now would announce a failure that may yet succeed.
        var end = new JobEnd(exitCode, "j1", null, null, "S3 unreachable", null);

        // Act / Assert
        Assert.That(JobEvents.For(end, Spec, Now), Is.Null);
        Assert.That(JobMetricsLine.OutcomeOf(end), Is.EqualTo("failed"));
    }

    [Test]
    public async Task PublishAsync_ADestinationFails_OthersStillSentAndNothingThrown()
    {
        // Arrange
        var failing = new Mock<IEventSender>();
        failing.Setup(s => s.Name).Returns("webhook");
        failing.Setup(s => s.SendAsync(It.IsAny<JobEvent>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("refused"));
        var working = new Mock<IEventSender>();
        working.Setup(s => s.Name).Returns("results queue");
        working.Setup(s => s.SendAsync(It.IsAny<JobEvent>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var jobEvent = JobEvents.For(new JobEnd(ExitCodes.BadInput, "j1", null, null, "not a video", 10), Spec, Now)!;

        // Act
        await new EventPublisher([failing.Object, working.Object], NullLogger.Instance, TimeProvider.System).PublishAsync(jobEvent);

        // Assert
        working.Verify(s => s.SendAsync(jobEvent, It.Is<string>(body => body.Contains("\"type\":\"job.failed\"", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }
}
