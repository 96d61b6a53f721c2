using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Events;

/// <summary>The webhook against a real HTTP listener that verifies each request as a receiver would.</summary>
[Category("Integration")]
public sealed class WebhookSenderTests
{
    private const string Secret = "whsec_test_5f0d";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static readonly JobEvent Event = new(
        1, JobEvent.Done, "j1", new JobEventSource("s3://uploads/a.mp4", "uploads", "a.mp4"), "etag:1", "order 42", null, 4, 2, null, false,
        new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private static WebhookSender CreateSut(WebhookReceiver receiver) =>
        new(Http, receiver.Url, Secret, TimeProvider.System, NullLogger.Instance, firstRetryDelay: TimeSpan.FromMilliseconds(10));

    [Test]
    [CancelAfter(20_000)]
    public async Task SendAsync_ReceiverFailsTwiceThenAccepts_DeliveredSignedOnTheThirdAttempt(CancellationToken cancellationToken)
    {
        // Arrange
        await using var receiver = new WebhookReceiver([500, 503]);

        // Act
        await CreateSut(receiver).SendAsync(Event, """{"type":"job.done"}""", cancellationToken);

        // Assert: three POSTs, each with a signature the receiver's check accepts, and the event's type.
        var received = receiver.Received.ToList();
        Assert.That(received, Has.Count.EqualTo(3));
        Assert.That(received.Select(r => WebhookSignature.Verify(Secret, r.Signature, r.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)), Is.All.True);
        Assert.That(received.Select(r => r.EventType), Is.All.EqualTo("job.done"));
        Assert.That(received[0].ContentType, Does.StartWith("application/json"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task SendAsync_ReceiverRefusesWith400_NotRetriedAndReported(CancellationToken cancellationToken)
    {
        // Arrange: a 4xx is the receiver saying no to this event; repeating it changes nothing.
        await using var receiver = new WebhookReceiver([400]);

        // Act / Assert
        await Assert.ThrowsAsync<HttpRequestException>(() => CreateSut(receiver).SendAsync(Event, "{}", cancellationToken));
        Assert.That(receiver.Received, Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task SendAsync_ReceiverAlwaysDown_GivesUpAfterTheLastAttempt(CancellationToken cancellationToken)
    {
        // Arrange
        await using var receiver = new WebhookReceiver(otherwise: 502);

        // Act / Assert
        await Assert.ThrowsAsync<HttpRequestException>(() => CreateSut(receiver).SendAsync(Event, "{}", cancellationToken));
        Assert.That(receiver.Received, Has.Count.EqualTo(WebhookSender.MaxAttempts));
    }
}
