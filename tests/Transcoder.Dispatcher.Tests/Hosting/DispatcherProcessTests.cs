using System.Text.Json;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.LocalAws.Ecs;
using Transcoder.Shared;
using Transcoder.Shared.Messages;
using Transcoder.LocalAws;
using Transcoder.Testing;

namespace Transcoder.Dispatcher.Tests.Hosting;

/// <summary>The Dispatcher executable as ECS runs it: configured by environment, JSON on stdout, stopped by SIGTERM.</summary>
[Category("Integration")]
public sealed class DispatcherProcessTests
{
    private static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Dispatcher.dll");

    [Test]
    [CancelAfter(30_000)]
    public async Task Start_NoSettings_Exit2NamingEverySetting(CancellationToken cancellationToken)
    {
        // Act
        await using var process = ChildProcess.StartDotnet(AssemblyPath, [], new Dictionary<string, string>());
        var exitCode = await process.WaitForExitAsync(cancellationToken);

        // Assert
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(process.Stderr, Does.Contain("SQS_QUEUE_URL is required").And.Contain("ECS_CLUSTER is required").And.Contain("AWS_REGION is required"));
        Assert.That(process.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_OneUpload_JsonLogsMetricsAndCleanSigterm(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 3, visibilityTimeoutSeconds: 30, cancellationToken);
        await using var ecs = new FakeEcs();
        var environment = ProcessEnvironment(emulator, queues.QueueUrl, ecs);
        environment["METRICS_INTERVAL_SECONDS"] = "1";
        await using var process = ChildProcess.StartDotnet(AssemblyPath, [], environment);
        await queues.SendAsync(S3EventNotificationJson.ObjectCreated("temp", "in/a b.mp4", 1, "e1", "us-east-1", DateTimeOffset.UtcNow), cancellationToken);

        // Act
        await Eventually.HoldsAsync(() => process.StdoutLines.Any(l => l.Contains("\"_aws\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(30),
            "an EMF metrics line", cancellationToken);
        process.Signal(ChildProcess.SigTerm);
        var started = DateTime.UtcNow;
        var exitCode = await process.WaitForExitAsync(cancellationToken);

        // Assert
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), process.Stderr);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(ecs.Requests.Single().Environment(JobEnvironment.SourceKey), Is.EqualTo("in/a b.mp4"));
        var logs = process.StdoutLines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var launched = logs.Single(l => l.TryGetProperty("Message", out var m) && m.GetString()!.StartsWith("Launched job", StringComparison.Ordinal));
        var scopes = launched.GetProperty("Scopes").GetRawText();
        Assert.That(scopes, Does.Contain("MessageId").And.Contain("JobId"));
        // Counted in whichever interval it fell, and flushed on shutdown at the latest.
        var launches = logs.Where(l => l.TryGetProperty("_aws", out _) && l.TryGetProperty("Launched", out _)).Sum(l => l.GetProperty("Launched").GetInt64());
        Assert.That(launches, Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Kill_MidBatch_MessagesComeBackAndTheNextDispatcherLaunchesThem(CancellationToken cancellationToken)
    {
        // Arrange: RunTask answers slowly, so the first dispatcher dies (SIGKILL: no clean-up at all) with messages in hand.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 5, visibilityTimeoutSeconds: 2, cancellationToken);
        await using var ecs = new FakeEcs { AnswerDelay = TimeSpan.FromSeconds(3) };
        var keys = Enumerable.Range(0, 6).Select(i => $"k{i}.mp4").ToList();
        foreach (var key in keys)
        {
            await queues.SendAsync(S3EventNotificationJson.ObjectCreated("temp", key, 1, "e" + key, "us-east-1", DateTimeOffset.UtcNow), cancellationToken);
        }

        var environment = ProcessEnvironment(emulator, queues.QueueUrl, ecs);
        environment["DISPATCH_CONCURRENCY"] = "2";
        await using (var first = ChildProcess.StartDotnet(AssemblyPath, [], environment))
        {
            await Eventually.HoldsAsync(() => ecs.Requests.Count == 2, TimeSpan.FromSeconds(30), "two RunTask calls in flight", cancellationToken);
            first.Signal(9);
            await first.WaitForExitAsync(cancellationToken);
        }

        var beforeRestart = ecs.Requests.Count;

        // Act
        ecs.AnswerDelay = TimeSpan.Zero;
        await using var second = ChildProcess.StartDotnet(AssemblyPath, [], environment);
        await Eventually.HoldsAsync(
            () => keys.All(key => ecs.Requests.Skip(beforeRestart).Any(r => r.Environment(JobEnvironment.SourceKey) == key)),
            TimeSpan.FromSeconds(60), "every upload launched by the second dispatcher", cancellationToken);

        // Assert: the two messages the killed dispatcher held came back after their visibility timeout and were
        // launched again (at-least-once: RunTask may have started their tasks already; the job's manifest check makes
        // the repeat harmless); the four it never received were launched once.
        var secondCalls = ecs.Requests.Skip(beforeRestart).Select(r => r.Environment(JobEnvironment.SourceKey)).ToList();
        Assert.That(beforeRestart, Is.EqualTo(2));
        Assert.That(secondCalls, Is.EquivalentTo(keys));
        Assert.That((await queues.CountAsync(queues.QueueUrl, cancellationToken)).Visible, Is.Zero);
    }

    private static Dictionary<string, string> ProcessEnvironment(FauxqsEmulator emulator, string queueUrl, FakeEcs ecs)
    {
        var environment = TestOptions.EcsSettings(queueUrl).ToDictionary(pair => pair.Key, pair => pair.Value!);
        environment["AWS_ENDPOINT_URL"] = emulator.Endpoint.ToString().TrimEnd('/');
        environment["AWS_ENDPOINT_URL_ECS"] = ecs.Endpoint.ToString();
        environment["AWS_ACCESS_KEY_ID"] = FakeEcs.AccessKey;
        environment["AWS_SECRET_ACCESS_KEY"] = FakeEcs.SecretKey;
        return environment;
    }
}
