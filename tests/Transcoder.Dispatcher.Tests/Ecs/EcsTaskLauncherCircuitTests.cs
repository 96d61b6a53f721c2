using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Polly;
using Polly.CircuitBreaker;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Tests.Support;

namespace Transcoder.Dispatcher.Tests.Ecs;

public sealed class EcsTaskLauncherCircuitTests
{
    [Test]
    public async Task LaunchAsync_CircuitOpen_PausesLaunchingForTheBreakAndFailsRetryable()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pause = new LaunchPause(time);
        var ecs = new Mock<IEcsApi>();
        ecs.Setup(e => e.RunTaskAsync(It.IsAny<RunTaskRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new BrokenCircuitException("open", TimeSpan.FromSeconds(25)));
        var sut = new EcsTaskLauncher(ecs.Object, TestOptions.Read(TestOptions.EcsSettings()), ResiliencePipeline.Empty,
            NullLogger<EcsTaskLauncher>.Instance, pause);
        var launch = TestLaunches.For("a.mp4");

        // Act
        var exception = await Assert.ThrowsAsync<LaunchException>(() => sut.LaunchAsync(launch, CancellationToken.None));

        // Assert
        Assert.That(exception!.IsRetryable, Is.True);
        Assert.That(pause.Remaining, Is.EqualTo(TimeSpan.FromSeconds(25)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Create_MoreCallsThanTheRunTaskRate_HeldToTwentyPerSecond(CancellationToken cancellationToken)
    {
        // Arrange: 45 calls = a burst of 20, then 20 after one second, then 5 after two.
        var pipeline = EcsResilience.Create(1, TimeSpan.FromMilliseconds(10), TimeProvider.System);
        var started = System.Diagnostics.Stopwatch.StartNew();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 45).Select(_ => pipeline.ExecuteAsync(_ => ValueTask.CompletedTask, cancellationToken).AsTask()));

        // Assert
        Assert.That(started.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.8)));
    }
}
