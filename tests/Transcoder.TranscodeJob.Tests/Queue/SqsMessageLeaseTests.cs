using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Moq;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Queue;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Queue;

public sealed class SqsMessageLeaseTests
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads";
    private const string Handle = "AQEBhandle";

    private readonly Mock<IAmazonSQS> _sqs = new(MockBehavior.Strict);
    private readonly ListLogger<SqsMessageLease> _logger = new();

    private SqsMessageLease CreateSut(TimeSpan? interval = null) =>
        new(_sqs.Object, QueueUrl, Handle, LeaseTimings.FromInterval(interval ?? TimeSpan.FromMinutes(1)), _logger, TimeProvider.System);

    private void AllowVisibilityChanges() =>
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeMessageVisibilityResponse());

    [TestCase(ExitCodes.Success)]
    [TestCase(ExitCodes.BadInput)]
    public async Task SettleAsync_DoneOrBadInput_DeletesTheMessage(int exitCode)
    {
        // Arrange
        _sqs.Setup(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>())).ReturnsAsync(new DeleteMessageResponse());
        await using var sut = CreateSut();

        // Act
        await sut.SettleAsync(exitCode);

        // Assert
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.VerifyNoOtherCalls();
    }

    [TestCase(ExitCodes.Transient)]
    [TestCase(ExitCodes.Unexpected)]
    [TestCase(ExitCodes.Terminated)]
    [TestCase(ExitCodes.Interrupted)]
    [TestCase(ExitCodes.Usage)]
    public async Task SettleAsync_RetryableFailure_ReleasesTheMessageAtOnce(int exitCode)
    {
        // Arrange
        AllowVisibilityChanges();
        await using var sut = CreateSut();

        // Act
        await sut.SettleAsync(exitCode);

        // Assert: a usage error in a task means a broken deployment: released (and on to the DLQ), never dropped.
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, 0, It.IsAny<CancellationToken>()), Times.Once);
        _sqs.VerifyNoOtherCalls();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Start_WhileWorking_ExtendsVisibilityAtOnceAndThenPeriodically(CancellationToken cancellationToken)
    {
        // Arrange
        var extensions = 0;
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, 3, It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref extensions))
            .ReturnsAsync(new ChangeMessageVisibilityResponse());
        _sqs.Setup(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>())).ReturnsAsync(new DeleteMessageResponse());
        await using var sut = CreateSut(TimeSpan.FromSeconds(1) / 20 * 20); // 1 s interval, 3 s extension

        // Act
        sut.Start();
        while (Volatile.Read(ref extensions) < 2)
        {
            await Task.Delay(50, cancellationToken);
        }

        await sut.SettleAsync(ExitCodes.Success);
        var afterSettle = Volatile.Read(ref extensions);
        await Task.Delay(1200, cancellationToken);

        // Assert: no heartbeat after the message was settled.
        Assert.That(Volatile.Read(ref extensions), Is.EqualTo(afterSettle));
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Start_StaleReceiptHandle_StopsHeartbeatsAndLogsWithoutFailing(CancellationToken cancellationToken)
    {
        // Arrange
        var calls = 0;
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref calls))
            .ThrowsAsync(new ReceiptHandleIsInvalidException("The receipt handle has expired"));
        await using var sut = CreateSut(TimeSpan.FromMilliseconds(50));

        // Act
        sut.Start();
        await Task.Delay(300, cancellationToken);
        await sut.SettleAsync(ExitCodes.Transient);

        // Assert: one heartbeat, then none; the release also met the stale handle and was only logged.
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(_logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("stale", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task SettleAsync_QueueUnreachable_LogsAndReturns()
    {
        // Arrange
        _sqs.Setup(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("connection refused"));
        await using var sut = CreateSut();

        // Act
        await sut.SettleAsync(ExitCodes.Success);

        // Assert
        Assert.That(_logger.Entries, Has.Some.Matches<(LogLevel Level, string Message)>(e => e.Message.Contains("redelivered", StringComparison.Ordinal)));
    }
}
