using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Polling;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.Testing;

namespace Transcoder.Dispatcher.Tests.Polling;

public sealed class QueuePollerTests
{
    private const string QueueUrl = "http://127.0.0.1:1/000000000000/uploads";

    [Test]
    [CancelAfter(30_000)]
    public async Task Execute_LaunchPaused_ReceivesNothingUntilThePauseEnds(CancellationToken cancellationToken)
    {
        // Arrange: ECS's circuit just opened for 30 s.
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pause = new LaunchPause(time);
        pause.For(TimeSpan.FromSeconds(30));
        var receives = 0;
        var sqs = new Mock<IAmazonSQS>();
        sqs.Setup(s => s.ReceiveMessageAsync(It.IsAny<ReceiveMessageRequest>(), It.IsAny<CancellationToken>()))
            .Returns<ReceiveMessageRequest, CancellationToken>(async (_, ct) =>
            {
                Interlocked.Increment(ref receives);
                await Task.Delay(50, ct);
                return new ReceiveMessageResponse();
            });
        var options = TestOptions.Read(TestOptions.EcsSettings(QueueUrl));
        var metrics = new DispatchMetrics();
        var handler = new MessageHandler(sqs.Object, Mock.Of<ITaskLauncher>(), options, new VisibilityRules(options), metrics, time,
            NullLogger<MessageHandler>.Instance);
        using var poller = new QueuePoller(sqs.Object, handler, options, metrics, time, pause, NullLogger<QueuePoller>.Instance);

        // Act
        await poller.StartAsync(cancellationToken);
        await Task.Delay(300, cancellationToken);
        var receivesWhilePaused = Volatile.Read(ref receives);
        time.Advance(TimeSpan.FromSeconds(31));
        await Eventually.HoldsAsync(() => Volatile.Read(ref receives) > 0, TimeSpan.FromSeconds(10), "receiving after the pause", cancellationToken);
        await poller.StopAsync(CancellationToken.None);

        // Assert
        Assert.That(receivesWhilePaused, Is.Zero);
    }
}
