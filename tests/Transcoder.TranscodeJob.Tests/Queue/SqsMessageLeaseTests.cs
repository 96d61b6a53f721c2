using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
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

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private SqsMessageLease CreateSut(TimeSpan? interval = null) =>
        new(_sqs.Object, QueueUrl, Handle, LeaseTimings.FromInterval(interval ?? TimeSpan.FromMinutes(1)), _logger, _time);

    // The heartbeat runs on its own task: after the fake clock moves, give it the moment it needs to call SQS. Bounded
    // by the test's CancelAfter, never by a wall-clock wait that the assertion depends on.
    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(1, cancellationToken);
        }
    }

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
    [CancelAfter(10_000)]
    public async Task Start_WhileWorking_ExtendsVisibilityAtOnceAndThenEveryInterval(CancellationToken cancellationToken)
    {
        // Arrange
        var extensions = 0;
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, 180, It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref extensions))
            .ReturnsAsync(new ChangeMessageVisibilityResponse());
        _sqs.Setup(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>())).ReturnsAsync(new DeleteMessageResponse());
        await using var sut = CreateSut(TimeSpan.FromMinutes(1)); // 60 s interval, 180 s extension

        // Act / Assert: one at once, then one per interval of (fake) time, none in between.
        sut.Start();
        await UntilAsync(() => Volatile.Read(ref extensions) == 1, cancellationToken);
        _time.Advance(TimeSpan.FromSeconds(59));
        await Task.Yield();
        Assert.That(Volatile.Read(ref extensions), Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => Volatile.Read(ref extensions) == 2, cancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => Volatile.Read(ref extensions) == 3, cancellationToken);

        await sut.SettleAsync(ExitCodes.Success);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Task.Yield();

        // Assert: no heartbeat after the message was settled.
        Assert.That(Volatile.Read(ref extensions), Is.EqualTo(3));
        _sqs.Verify(s => s.DeleteMessageAsync(QueueUrl, Handle, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Start_StaleReceiptHandle_StopsHeartbeatsAndLogsWithoutFailing(CancellationToken cancellationToken)
    {
        // Arrange
        var calls = 0;
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref calls))
            .ThrowsAsync(new ReceiptHandleIsInvalidException("The receipt handle has expired"));
        await using var sut = CreateSut(TimeSpan.FromMinutes(1));

        // Act
        sut.Start();
        await UntilAsync(() => Volatile.Read(ref calls) == 1, cancellationToken);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Task.Yield();
        await sut.SettleAsync(ExitCodes.Transient);

        // Assert: one heartbeat, then none; the release also met the stale handle and was only logged.
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(_logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("stale", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Start_NearSqsTwelveHourCeiling_ExtendsOnlyUpToItThenStops(CancellationToken cancellationToken)
    {
        // Arrange: received 12 hours before the ceiling; heartbeats every minute, each asking for 3.
        var asked = new List<int>();
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, Handle, It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, int?, CancellationToken>((_, _, seconds, _) => { lock (asked) { asked.Add(seconds!.Value); } })
            .ReturnsAsync(new ChangeMessageVisibilityResponse());
        var ceiling = _time.GetUtcNow() + TimeSpan.FromHours(12);
        await using var sut = new SqsMessageLease(
            _sqs.Object, QueueUrl, Handle, LeaseTimings.FromInterval(TimeSpan.FromMinutes(1)), _logger, _time, ceiling);
        int Count()
        {
            lock (asked)
            {
                return asked.Count;
            }
        }

        // Act: 11 h 58 min 20 s later the ceiling is 100 s away; a minute after that, 40 s; then nothing is left.
        sut.Start();
        await UntilAsync(() => Count() == 1, cancellationToken);
        _time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(100));
        await UntilAsync(() => Count() == 2, cancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => Count() == 3, cancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        await UntilAsync(() => _logger.Entries.Any(e => e.Message.Contains("ceiling", StringComparison.Ordinal)), cancellationToken);
        _time.Advance(TimeSpan.FromMinutes(10));
        await Task.Yield();

        // Assert: never a request SQS would refuse (which today's code took for a stale handle).
        Assert.That(asked, Is.EqualTo(new[] { 180, 100, 40 }));
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
