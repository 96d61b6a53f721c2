using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.LocalAws.Ecs;

namespace Transcoder.Dispatcher.Tests.Ecs;

[Category("Integration")]
public sealed class EcsTaskLauncherTests
{
    private static readonly JobLaunch Launch = TestLaunches.For("a.mp4");

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_ThrottledTwice_RetriedWithTheSameClientToken(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (call, _) => call <= 2 ? FakeEcsAnswer.Throttling : null };
        var throttles = 0;

        // Act
        var task = await CreateSut(ecs, () => throttles++).LaunchAsync(Launch, cancellationToken);

        // Assert
        Assert.That(task, Does.StartWith("arn:aws:ecs:"));
        Assert.That(ecs.Requests.Select(r => r.Body.GetProperty("clientToken").GetString()), Is.EqualTo(new[] { "token-1", "token-1", "token-1" }));
        Assert.That(throttles, Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_CapacityFailureThenTask_Retried(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (call, _) => call == 1 ? FakeEcsAnswer.CapacityFailure : null };

        // Act
        await CreateSut(ecs).LaunchAsync(Launch, cancellationToken);

        // Assert
        Assert.That(ecs.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_InvalidParameter_NotRetried(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (_, _) => FakeEcsAnswer.InvalidParameter };

        // Act
        var error = await Assert.ThrowsAsync<LaunchException>(() => CreateSut(ecs).LaunchAsync(Launch, cancellationToken));

        // Assert
        Assert.That(error!.IsRetryable, Is.False);
        Assert.That(error.Message, Does.Contain("InvalidParameterException"));
        Assert.That(ecs.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_ServerErrorsThroughout_RetryableAfterBoundedAttempts(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (_, _) => FakeEcsAnswer.ServerError };

        // Act
        var error = await Assert.ThrowsAsync<LaunchException>(() => CreateSut(ecs).LaunchAsync(Launch, cancellationToken));

        // Assert
        Assert.That(error!.IsRetryable, Is.True);
        Assert.That(ecs.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_LongOutage_CircuitOpensAndFailsFast(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (_, _) => FakeEcsAnswer.ServerError };
        var sut = CreateSut(ecs, maxAttempts: 1);
        for (var i = 0; i < 25; i++)
        {
            await Assert.ThrowsAsync<LaunchException>(() => sut.LaunchAsync(Launch, cancellationToken));
        }

        var callsBefore = ecs.Requests.Count;

        // Act
        var error = await Assert.ThrowsAsync<LaunchException>(() => sut.LaunchAsync(Launch, cancellationToken));

        // Assert
        Assert.That(error!.Message, Does.Contain("circuit open"));
        Assert.That(ecs.Requests, Has.Count.EqualTo(callsBefore));
    }

    [TestCase("RESOURCE:ENI", true)]
    [TestCase("Capacity is unavailable at this time", true)]
    [TestCase("AGENT", true)]
    [TestCase("MISSING", false)]
    public void IsTransient_RunTaskFailureReason_Classified(string reason, bool expected)
    {
        // Act
        var transient = EcsResilience.IsTransient(new RunTaskFailuresException([new EcsFailure("arn", reason, null)]));

        // Assert
        Assert.That(transient, Is.EqualTo(expected));
    }

    [TestCase("ThrottlingException", 400, true)]
    [TestCase("ServerException", 500, true)]
    [TestCase("ClientException", 400, false)]
    [TestCase("AccessDeniedException", 400, false)]
    [TestCase("ClusterNotFoundException", 400, false)]
    [TestCase("ConflictException", 400, false)]
    public void IsTransient_EcsError_Classified(string code, int status, bool expected)
    {
        // Act
        var transient = EcsResilience.IsTransient(new EcsApiException(code, "m", (System.Net.HttpStatusCode)status));

        // Assert
        Assert.That(transient, Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task LaunchAsync_SpotHasNoCapacity_LaunchedOnDemandFargate(CancellationToken cancellationToken)
    {
        // Arrange: Spot never has capacity; on-demand does.
        await using var ecs = new FakeEcs
        {
            Behaviour = (_, request) => request.TryGetProperty("capacityProviderStrategy", out var strategy)
                                        && strategy.ValueKind == System.Text.Json.JsonValueKind.Array
                ? FakeEcsAnswer.CapacityFailure
                : null,
        };
        var settings = TestOptions.EcsSettings();
        settings[Transcoder.Dispatcher.Options.SettingNames.CapacityProvider] = "FARGATE_SPOT";
        var options = TestOptions.Read(settings);
        var sut = new EcsTaskLauncher(EcsHttpApiTests.CreateSut(ecs, FakeEcs.SecretKey), options, EcsResilience.Create(2, TimeSpan.FromMilliseconds(10), TimeProvider.System),
            NullLogger<EcsTaskLauncher>.Instance);

        // Act
        var task = await sut.LaunchAsync(Launch, cancellationToken);

        // Assert: two Spot attempts, then one on-demand FARGATE with its own client token.
        var last = ecs.Requests.Last().Body;
        Assert.That(task, Does.StartWith("arn:aws:ecs:"));
        Assert.That(ecs.Requests, Has.Count.EqualTo(3));
        Assert.That(last.GetProperty("launchType").GetString(), Is.EqualTo("FARGATE"));
        Assert.That(last.GetProperty("clientToken").GetString(), Is.Not.EqualTo("token-1"));
    }

    [TestCase("Request limit exceeded.", true)]
    [TestCase("Error creating ENI: request limit exceeded", true)]
    [TestCase("Rate exceeded", true)]
    [TestCase("Invalid subnet", false)]
    public void IsTransient_InvalidParameterCarryingThrottling_Classified(string message, bool expected)
    {
        // Act
        var exception = new EcsApiException("InvalidParameterException", message, System.Net.HttpStatusCode.BadRequest);

        // Assert
        Assert.That((EcsResilience.IsTransient(exception), exception.IsThrottling), Is.EqualTo((expected, expected)));
    }

    private static EcsTaskLauncher CreateSut(FakeEcs ecs, Action? onThrottle = null, int maxAttempts = 3)
    {
        var options = TestOptions.Read(TestOptions.EcsSettings());
        var pipeline = EcsResilience.Create(maxAttempts, TimeSpan.FromMilliseconds(10), TimeProvider.System, exception =>
        {
            if (exception is EcsApiException { IsThrottling: true })
            {
                onThrottle?.Invoke();
            }
        });
        return new EcsTaskLauncher(EcsHttpApiTests.CreateSut(ecs, FakeEcs.SecretKey), options, pipeline, NullLogger<EcsTaskLauncher>.Instance);
    }
}
