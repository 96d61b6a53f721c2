using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Polly;
using Polly.CircuitBreaker;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.Shared.Messages;

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
        var launch = new JobLaunch(new JobRequest("temp", "a.mp4", "e", null), "m-1", "receipt-1", "token-1");

        // Act
        var exception = await Assert.ThrowsAsync<LaunchException>(() => sut.LaunchAsync(launch, CancellationToken.None));

        // Assert
        Assert.That(exception!.IsRetryable, Is.True);
        Assert.That(pause.Remaining, Is.EqualTo(TimeSpan.FromSeconds(25)));
    }
}
