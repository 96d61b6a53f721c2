using Amazon.SQS.Model;
using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.LocalAws.Ecs;
using Transcoder.Shared;
using Transcoder.Shared.Messages;
using Transcoder.LocalAws;
using Transcoder.Testing;

namespace Transcoder.Dispatcher.Tests.Hosting;

/// <summary>The dispatcher host against the S3/SQS emulator and the fake ECS endpoint.</summary>
[Category("Integration")]
public sealed class DispatcherIntegrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_ManyUploads_EachDispatchedExactlyOnce(CancellationToken cancellationToken)
    {
        // Arrange
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 3, visibilityTimeoutSeconds: 30, cancellationToken);
        await using var ecs = new FakeEcs();
        var keys = Enumerable.Range(0, 25).Select(i => $"uploads/clip {i}+ü.mp4").ToList();
        foreach (var key in keys)
        {
            await queues.SendAsync(Upload(key), cancellationToken);
        }

        // Act
        await using var dispatcher = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs, null, cancellationToken);
        await Eventually.HoldsAsync(() => ecs.StartedTasks.Count == keys.Count, Patience, "a task per upload", cancellationToken);
        await Task.Delay(1500, cancellationToken);

        // Assert: once each, with the decoded key and the message's receipt handle; the messages wait for their jobs.
        var requests = ecs.Requests.ToList();
        Assert.That(requests.Select(r => r.Environment(JobEnvironment.SourceKey)), Is.EquivalentTo(keys));
        Assert.That(requests.Select(r => r.Environment(JobEnvironment.ReceiptHandle)), Has.All.Not.Empty);
        Assert.That(ecs.Rejections, Is.Empty);
        Assert.That(await queues.CountAsync(queues.QueueUrl, cancellationToken), Is.EqualTo((0, keys.Count)));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_TaskStopsBeforeItsJobStarts_LaunchedAgainLongBeforeTheGraceEnds(CancellationToken cancellationToken)
    {
        // Arrange: the first task's image cannot be pulled, the second starts; the start grace is the default 300 s.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 3, visibilityTimeoutSeconds: 30, cancellationToken);
        await using var ecs = new FakeEcs();
        var first = (string?)null;
        ecs.TaskState = arn => (first ??= arn) == arn ? FakeTaskState.ImagePullFailed : FakeTaskState.Running;
        await queues.SendAsync(Upload("never-started.mp4"), cancellationToken);

        // Act: no backoff, so the message is back as soon as the watch has seen the stopped task.
        await using var dispatcher = await InProcessDispatcher.StartAsync(
            queues.Sqs, queues.QueueUrl, ecs, settings => settings[SettingNames.RetryBackoffBaseSeconds] = "0", cancellationToken);
        await Eventually.HoldsAsync(() => ecs.StartedTasks.Count == 2, Patience, "a second task after the first stopped", cancellationToken);

        // Assert: the second launch is the same upload on the message's next receive (another client token).
        var requests = ecs.Requests.ToList();
        Assert.That(requests.Select(r => r.Environment(JobEnvironment.SourceKey)), Is.EqualTo(new[] { "never-started.mp4", "never-started.mp4" }));
        Assert.That(requests[1].Environment(JobEnvironment.ReceiptHandle), Is.Not.EqualTo(requests[0].Environment(JobEnvironment.ReceiptHandle)));
        Assert.That(ecs.DescribeCalls, Is.GreaterThan(0));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_GarbageAndTestEvent_GarbageReachesTheDlqTestEventDeletedLoopGoesOn(CancellationToken cancellationToken)
    {
        // Arrange: a short visibility timeout so the garbage's two receives happen quickly.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 2, visibilityTimeoutSeconds: 1, cancellationToken);
        await using var ecs = new FakeEcs();
        await queues.SendAsync("this is not an event", cancellationToken);
        await queues.SendAsync("""{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"temp"}""", cancellationToken);
        await queues.SendAsync(Upload("after-garbage.mov"), cancellationToken);

        // Act
        await using var dispatcher = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs, null, cancellationToken);
        var deadLetters = new List<Message>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var response = await queues.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queues.DeadLetterUrl) { WaitTimeSeconds = 1 }, cancellationToken);
                deadLetters.AddRange(response.Messages ?? []);
                return deadLetters.Count > 0;
            },
            Patience, "the garbage in the DLQ", cancellationToken);

        // Assert
        Assert.That(deadLetters.Single().Body, Is.EqualTo("this is not an event"));
        Assert.That(ecs.Requests.Select(r => r.Environment(JobEnvironment.SourceKey)), Is.EqualTo(new[] { "after-garbage.mov" }));
        Assert.That(dispatcher.Metrics.TakeSnapshot() is { Invalid: >= 1, Ignored: 1, Launched: 1 }, Is.True);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_EcsThrottles_EveryUploadLaunchedInTheEnd(CancellationToken cancellationToken)
    {
        // Arrange: the first 8 RunTask calls are throttled.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 5, visibilityTimeoutSeconds: 30, cancellationToken);
        await using var ecs = new FakeEcs { Behaviour = (call, _) => call <= 8 ? FakeEcsAnswer.Throttling : null };
        var keys = Enumerable.Range(0, 5).Select(i => $"t{i}.mp4").ToList();
        foreach (var key in keys)
        {
            await queues.SendAsync(Upload(key), cancellationToken);
        }

        // Act
        await using var dispatcher = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs,
            settings => settings[SettingNames.EcsMaxAttempts] = "6", cancellationToken);
        await Eventually.HoldsAsync(() => ecs.StartedTasks.Count == keys.Count, Patience, "every upload launched", cancellationToken);

        // Assert: the fake ECS records a task before the dispatcher has its answer and counts the launch, so the counts
        // are added up (a snapshot resets them) until the last launch is in.
        long launched = 0, throttled = 0;
        await Eventually.HoldsAsync(
            () =>
            {
                var snapshot = dispatcher.Metrics.TakeSnapshot();
                (launched, throttled) = (launched + snapshot.Launched, throttled + snapshot.Throttled);
                return launched >= keys.Count;
            },
            Patience,
            "every launch counted",
            cancellationToken);
        Assert.That(throttled, Is.EqualTo(8));
        Assert.That(launched, Is.EqualTo(keys.Count));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_EcsOutageLongerThanTheDlqBudget_DlqEmptyAndEachUploadLaunchedOnce(CancellationToken cancellationToken)
    {
        // Arrange: the deployed redrive (maxReceiveCount 3) and an ECS that refuses every RunTask for many times the
        // backoff: with 1-2 s backoffs a 15 s outage is worth 7+ failed receives per upload, as a 2-hour outage is with
        // the deployed 30-900 s backoffs. Time is compressed by the backoff settings, SQS's delays run in real time.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 3, visibilityTimeoutSeconds: 30, cancellationToken);
        var outageEnds = DateTime.UtcNow.AddSeconds(15);
        var refused = 0;
        var launched = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var ecs = new FakeEcs
        {
            Behaviour = (_, request) =>
            {
                if (DateTime.UtcNow < outageEnds)
                {
                    Interlocked.Increment(ref refused);
                    return FakeEcsAnswer.ServerError;
                }

                launched.Enqueue(SourceKey(request));
                return null;
            },
        };
        var keys = Enumerable.Range(0, 10).Select(i => $"outage/{i}.mp4").ToList();
        foreach (var key in keys)
        {
            await queues.SendAsync(Upload(key), cancellationToken);
        }

        // Act
        await using var dispatcher = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs, settings =>
        {
            settings[SettingNames.EcsMaxAttempts] = "1";
            settings[SettingNames.RetryBackoffBaseSeconds] = "1";
            settings[SettingNames.RetryBackoffMaxSeconds] = "2";
        }, cancellationToken);
        await Eventually.HoldsAsync(() => ecs.StartedTasks.Count == keys.Count, TimeSpan.FromSeconds(90), "every upload launched after the outage", cancellationToken);
        await Task.Delay(3000, cancellationToken);

        // Assert: each message was refused more often than the redrive allows receives, yet none reached the DLQ, and
        // each upload was launched once (a new message id means a new client token, so a double would show here).
        // Refused by ECS until the circuit opened, then failed fast by the open circuit: both are infrastructure.
        Assert.That(refused, Is.Positive, "ECS refused launches");
        Assert.That(dispatcher.Metrics.TakeSnapshot().Failed, Is.GreaterThan(3 * keys.Count), "the outage outlasted the DLQ budget");
        Assert.That(launched, Is.EquivalentTo(keys), "each upload launched exactly once");
        Assert.That(await queues.CountAsync(queues.DeadLetterUrl, cancellationToken), Is.EqualTo((0, 0)), "nothing in the DLQ");
        Assert.That(await queues.CountAsync(queues.QueueUrl, cancellationToken), Is.EqualTo((0, keys.Count)), "each message waits for its job");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Restart_MidBatch_NothingLostNothingDoubled(CancellationToken cancellationToken)
    {
        // Arrange: the first dispatcher meets an ECS that throttles everything, so its messages are in hand, mid-retry,
        // when it is stopped. The second meets a healthy ECS.
        var emulator = await FauxqsEmulator.Shared;
        var queues = await QueuePair.CreateAsync(emulator.CreateSqsClient(), maxReceiveCount: 5, visibilityTimeoutSeconds: 600, cancellationToken);
        var healthy = false;
        await using var ecs = new FakeEcs { Behaviour = (_, _) => healthy ? null : FakeEcsAnswer.Throttling };
        var keys = Enumerable.Range(0, 6).Select(i => $"r{i}.mp4").ToList();
        foreach (var key in keys)
        {
            await queues.SendAsync(Upload(key), cancellationToken);
        }

        var first = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs, settings =>
        {
            settings[SettingNames.Concurrency] = "3";
            settings[SettingNames.EcsMaxAttempts] = "20";
        }, cancellationToken);
        await Eventually.HoldsAsync(() => ecs.Requests.Count >= 3, Patience, "three dispatches in flight", cancellationToken);

        // Act
        var stopTime = await first.StopAsync();
        await first.DisposeAsync();
        var afterStop = await queues.CountAsync(queues.QueueUrl, cancellationToken);
        healthy = true;
        await using var second = await InProcessDispatcher.StartAsync(queues.Sqs, queues.QueueUrl, ecs, null, cancellationToken);
        await Eventually.HoldsAsync(() => ecs.StartedTasks.Count == keys.Count, Patience, "every upload launched after the restart", cancellationToken);
        await Task.Delay(1000, cancellationToken);

        // Assert: the messages in hand were released at once (visible, not waiting out 600 s), and each upload got one task.
        Assert.That(stopTime, Is.LessThan(TimeSpan.FromSeconds(25)));
        Assert.That(afterStop, Is.EqualTo((keys.Count, 0)));
        Assert.That(ecs.StartedTasks, Has.Count.EqualTo(keys.Count));
        Assert.That(second.Metrics.TakeSnapshot().Launched, Is.EqualTo(keys.Count));
    }

    private static string SourceKey(System.Text.Json.JsonElement request) =>
        new RecordedRunTask(0, request, null, 0).Environment(JobEnvironment.SourceKey);

    private static string Upload(string key) =>
        S3EventNotificationJson.ObjectCreated("temp", key, 1000, Guid.NewGuid().ToString("N"), "us-east-1", DateTimeOffset.UtcNow);
}
