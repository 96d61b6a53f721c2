using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Polling;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Tests.Polling;

public sealed class MessageHandlerTests
{
    private const string QueueUrl = "http://127.0.0.1:1/000000000000/uploads";
    private readonly Mock<IAmazonSQS> _sqs = new();
    private readonly Mock<ITaskLauncher> _launcher = new();
    private readonly DispatchMetrics _metrics = new();

    [Test]
    public async Task HandleAsync_Launched_KeepsTheMessageForTheTaskStartGrace()
    {
        // Arrange
        JobLaunch? launched = null;
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .Callback<JobLaunch, CancellationToken>((launch, _) => launched = launch)
            .ReturnsAsync("task-1");

        // Act
        await CreateSut().HandleAsync(Message(Upload("a b.mp4")), CancellationToken.None);

        // Assert
        Assert.That(launched!.Spec.Source, Is.EqualTo(new S3Input("temp", "a b.mp4")));
        Assert.That(launched.Spec.Revision, Is.EqualTo(new SourceRevision(SourceRevisionKind.ETag, "etag-1")));
        Assert.That(launched.ReceiptHandle, Is.EqualTo("receipt-1"));
        Assert.That(launched.ClientToken, Is.EqualTo(ClientTokens.For("m-1", "receipt-1")));
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 300, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.Verify(s => s.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_metrics.TakeSnapshot().Launched, Is.EqualTo(1));
    }

    [Test]
    public async Task HandleAsync_CaptionFileUploaded_ACaptionJobItsEnvironmentSays()
    {
        // Arrange
        JobLaunch? launched = null;
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .Callback<JobLaunch, CancellationToken>((launch, _) => launched = launch)
            .ReturnsAsync("task-1");

        // Act
        await CreateSut().HandleAsync(Message(Upload("clip.fr.forced.srt")), CancellationToken.None);

        // Assert: typed in the spec, written into the task's environment, read back by the job.
        Assert.That(launched!.Spec.Kind, Is.EqualTo(JobKind.AttachCaption));
        Assert.That(launched.Spec.ToEnvironment(), Does.Contain(new KeyValuePair<string, string>(Shared.JobEnvironment.JobKind, "caption")));
    }

    [Test]
    public async Task HandleAsync_LaunchFailsNotRetryable_BacksOffByReceiveCount()
    {
        // Arrange
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LaunchException("InvalidParameterException: Invalid subnet", isRetryable: false));

        // Act
        await CreateSut().HandleAsync(Message(Upload("a.mp4"), receiveCount: 3), CancellationToken.None);

        // Assert: 30 s doubled for each earlier receive; the receive is spent, the redrive policy decides.
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 120, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.Verify(s => s.SendMessageAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_metrics.TakeSnapshot().Failed, Is.EqualTo(1));
    }

    [Test]
    public async Task HandleAsync_LaunchFailsForInfrastructure_RequeuesADelayedCopyThenDeletesTheOriginal()
    {
        // Arrange: the third requeue of an upload whose launch keeps meeting a throttled ECS.
        var calls = new List<string>();
        SendMessageRequest? sent = null;
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LaunchException("ThrottlingException: Rate exceeded", isRetryable: true));
        _sqs.Setup(s => s.SendMessageAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SendMessageRequest, CancellationToken>((request, _) => { sent = request; calls.Add("send"); })
            .ReturnsAsync(new SendMessageResponse());
        _sqs.Setup(s => s.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("delete"))
            .ReturnsAsync(new DeleteMessageResponse());
        var body = Upload("a.mp4");

        // Act
        await CreateSut().HandleAsync(Message(body, receiveCount: 3) with { InfrastructureRetries = 2 }, CancellationToken.None);

        // Assert: the copy first (a crash in between duplicates, never loses), 30 s × 2² delay, retry count 3; no
        // visibility change, so the original's receive count never grows towards the DLQ.
        Assert.That(calls, Is.EqualTo(new[] { "send", "delete" }));
        Assert.That(sent!.QueueUrl, Is.EqualTo(QueueUrl));
        Assert.That(sent.MessageBody, Is.EqualTo(body));
        Assert.That(sent.DelaySeconds, Is.EqualTo(120));
        Assert.That(sent.MessageAttributes[ReceivedMessage.InfrastructureRetriesAttribute].StringValue, Is.EqualTo("3"));
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, "receipt-1", It.IsAny<CancellationToken>()), Times.Once);
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_InfrastructureFailureAndRequeueFails_OriginalBacksOffAndStays()
    {
        // Arrange
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LaunchException("circuit open", isRetryable: true));
        _sqs.Setup(s => s.SendMessageAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AmazonSQSException("SQS is down too"));

        // Act
        await CreateSut().HandleAsync(Message(Upload("a.mp4"), receiveCount: 2), CancellationToken.None);

        // Assert
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 60, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.Verify(s => s.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_TestEvent_DeletedWithoutLaunch()
    {
        // Act
        await CreateSut().HandleAsync(Message("""{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"temp"}"""), CancellationToken.None);

        // Assert
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, "receipt-1", It.IsAny<CancellationToken>()), Times.Once);
        _launcher.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_Garbage_LeftAloneForTheDlq()
    {
        // Act
        await CreateSut().HandleAsync(Message("{not json"), CancellationToken.None);

        // Assert: no delete and no visibility change: the redrive policy decides.
        _sqs.VerifyNoOtherCalls();
        _launcher.VerifyNoOtherCalls();
        Assert.That(_metrics.TakeSnapshot().Invalid, Is.EqualTo(1));
    }

    [TestCase("""{"bucket": "temp", "key": "a.mp4", "renditions": "720p,1080x"}""", "unknown rendition '1080x'")]
    [TestCase("""{"bucket": "temp", "key": "a.mp4", "formats": "hls,webm"}""", "format 'webm'")]
    [TestCase("""{"bucket": "temp", "key": "a.mp4", "passthrough": "a\nb"}""", "control character")]
    [TestCase("""{"bucket": "temp", "key": "a.mp4", "revision": "etag:1", "chunk": {"plan": "0123456789abcdef", "index": 5, "count": 5}}""", "chunk index 5 must be 0-4")]
    [TestCase("""{"bucket": "temp", "key": "a.mp4", "chunk": {"plan": "0123456789abcdef", "index": 0, "count": 5}}""", "names the upload")]
    [TestCase("""{"bucket": "temp", "key": "a.mp4", "codecs": "av1"}""", "h264 is always made")]
    public async Task HandleAsync_JobThatCannotRun_NoTaskAndLeftForTheDlqNamingTheProblem(string body, string problem)
    {
        // Arrange
        var logger = new Mock<ILogger<MessageHandler>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);

        // Act: the job would refuse these with exit 2; the dispatcher refuses them before a task costs anything.
        await CreateSut(logger.Object).HandleAsync(Message(body), CancellationToken.None);

        // Assert
        _launcher.VerifyNoOtherCalls();
        _sqs.VerifyNoOtherCalls();
        Assert.That(_metrics.TakeSnapshot().Invalid, Is.EqualTo(1));
        logger.Verify(l => l.Log(
            LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => $"{state}".Contains(problem, StringComparison.Ordinal)),
            It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_ChunkOfALongSource_LaunchedAsAnyJobWithTheChunkInItsSpec()
    {
        // Arrange: what the first job of a long source queues for each chunk.
        JobLaunch? launched = null;
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .Callback<JobLaunch, CancellationToken>((launch, _) => launched = launch)
            .ReturnsAsync("task-1");
        var body = JobMessage.ToJson(new JobRequest("temp", "film.mov", SourceRevision.Parse("etag:abc"), null, Chunk: new JobChunk("0123456789abcdef", 2, 12)));

        // Act
        await CreateSut().HandleAsync(Message(body), CancellationToken.None);

        // Assert: the same path as a whole source (its own task, its own message), its environment naming the chunk.
        Assert.That(launched!.Spec.Chunk, Is.EqualTo(new JobChunk("0123456789abcdef", 2, 12)));
        Assert.That(launched.Spec.ToEnvironment(), Does.Contain(new KeyValuePair<string, string>("CHUNK_INDEX", "2")).And.Contain(new KeyValuePair<string, string>("CHUNK_PLAN", "0123456789abcdef")).And.Contain(new KeyValuePair<string, string>("CHUNK_COUNT", "12")));
        Assert.That(launched.JobId, Is.EqualTo(new S3Input("temp", "film.mov").JobIdAt(SourceRevision.Parse("etag:abc"))));
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 300, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_SeveralRecords_OneJobMessageEachThenDeleted()
    {
        // Arrange
        SendMessageBatchRequest? sent = null;
        _sqs.Setup(s => s.SendMessageBatchAsync(It.IsAny<SendMessageBatchRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SendMessageBatchRequest, CancellationToken>((request, _) => sent = request)
            .ReturnsAsync(new SendMessageBatchResponse());
        var body = """
            {"Records":[
              {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"temp"},"object":{"key":"one.mp4","eTag":"e1"}}},
              {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"temp"},"object":{"key":"two.mp4","eTag":"e2"}}}]}
            """;

        // Act
        await CreateSut().HandleAsync(Message(body), CancellationToken.None);

        // Assert
        var jobs = sent!.Entries.Select(e => QueueMessageParser.Parse(e.MessageBody, KeyFilter.Everything).Jobs.Single().Key);
        Assert.That(jobs, Is.EqualTo(new[] { "one.mp4", "two.mp4" }));
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, "receipt-1", It.IsAny<CancellationToken>()), Times.Once);
        _launcher.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_SplitPartlyFails_OriginalKept()
    {
        // Arrange
        _sqs.Setup(s => s.SendMessageBatchAsync(It.IsAny<SendMessageBatchRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SendMessageBatchResponse { Failed = [new BatchResultErrorEntry { Id = "job1", Message = "throttled" }] });
        var body = """
            {"Records":[
              {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"temp"},"object":{"key":"one.mp4"}}},
              {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"temp"},"object":{"key":"two.mp4"}}}]}
            """;

        // Act
        await CreateSut().HandleAsync(Message(body), CancellationToken.None);

        // Assert
        _sqs.Verify(s => s.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task HandleAsync_ShutdownBeforeLaunch_ReleasesTheMessage()
    {
        // Arrange
        using var stopping = new CancellationTokenSource();
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()))
            .Returns<JobLaunch, CancellationToken>(async (_, ct) =>
            {
                await stopping.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return "never";
            });

        // Act
        await CreateSut().HandleAsync(Message(Upload("a.mp4")), stopping.Token);

        // Assert
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 0, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_VisibilityChangeFailsAfterLaunch_LaunchStandsAndNothingIsRetried()
    {
        // Arrange: a fast job already deleted the message, so keeping it for the task's start fails.
        var logger = new Mock<ILogger<MessageHandler>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>())).ReturnsAsync("task-1");
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ReceiptHandleIsInvalidException("stale"));

        // Act
        await CreateSut(logger.Object).HandleAsync(Message(Upload("a.mp4")), CancellationToken.None);

        // Assert: the call was made, the launch counts once, and the stale handle is not reported as a message that
        // "could not be handled" (that warning is what a handler without the catch would log).
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 300, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.Verify(s => s.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _launcher.Verify(l => l.LaunchAsync(It.IsAny<JobLaunch>(), It.IsAny<CancellationToken>()), Times.Once);
        var snapshot = _metrics.TakeSnapshot();
        Assert.That((snapshot.Launched, snapshot.Failed), Is.EqualTo((1, 0)));
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Never);
    }

    private static string Upload(string key) =>
        S3EventNotificationJson.ObjectCreated("temp", key, 1, "etag-1", "us-east-1", DateTimeOffset.UnixEpoch);

    private static ReceivedMessage Message(string body, int receiveCount = 1) =>
        new("m-1", "receipt-1", body, receiveCount, DateTimeOffset.UtcNow);

    private MessageHandler CreateSut(ILogger<MessageHandler>? logger = null)
    {
        var options = TestOptions.Read(TestOptions.EcsSettings(QueueUrl));
        return new MessageHandler(_sqs.Object, _launcher.Object, options, new VisibilityRules(options), _metrics, TimeProvider.System,
            logger ?? NullLogger<MessageHandler>.Instance);
    }
}
