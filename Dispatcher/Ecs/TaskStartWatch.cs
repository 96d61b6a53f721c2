using System.Collections.Concurrent;
using Amazon.SQS;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Polling;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// Follows each started task until its job takes over the message. A task that stops before its container ever ran
/// (an image that cannot be pulled, an ENI that cannot be attached, Spot reclaiming it while it starts) is noticed
/// at the next DescribeTasks, <see cref="PollInterval"/> later, rather than when the task-start grace runs out: its
/// <c>stoppedReason</c> is logged and the message comes back after the usual backoff for a failed launch (the receive
/// counts, so a deployment that can never start a task still ends in the DLQ). A task whose container ran has a job
/// that settles the message itself; a task still starting after the grace is left to the message's visibility.
/// </summary>
internal sealed class TaskStartWatch(
    IEcsApi ecs,
    IAmazonSQS sqs,
    DispatcherOptions options,
    VisibilityRules visibility,
    DispatchMetrics metrics,
    TimeProvider time,
    ILogger<TaskStartWatch> logger) : BackgroundService
{
    /// <summary>How often the tasks still starting are described.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    // DescribeTasks takes at most 100 tasks per call.
    private const int TasksPerCall = 100;

    private readonly ConcurrentDictionary<string, Watched> _watched = new(StringComparer.Ordinal);

    /// <summary>The tasks still followed.</summary>
    public int Count => _watched.Count;

    /// <summary>Follows <paramref name="taskArn"/>, started for <paramref name="message"/>.</summary>
    public void Track(string taskArn, ReceivedMessage message, string jobId) =>
        _watched[taskArn] = new Watched(message, jobId, time.GetUtcNow() + visibility.AfterLaunch);

    /// <summary>One round: describes every task still starting and acts on those that stopped or run.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _watched.Where(w => w.Value.GraceEnds <= now).Select(w => w.Key).ToList())
        {
            _watched.TryRemove(expired, out _);
        }

        foreach (var batch in _watched.Keys.Chunk(TasksPerCall))
        {
            DescribeTasksResponse described;
            try
            {
                described = await ecs.DescribeTasksAsync(new DescribeTasksRequest(options.Ecs.Cluster, batch), cancellationToken);
            }
            catch (Exception exception) when (exception is EcsApiException or HttpRequestException
                                                  || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The grace still protects the message; the next round tries again.
                logger.LogWarning("DescribeTasks failed for {Count} starting task(s), trying again in {Seconds} s: {Error}",
                    batch.Length, PollInterval.TotalSeconds, exception.Message);
                continue;
            }

            foreach (var task in described.Tasks ?? [])
            {
                await ActOnAsync(task);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!_watched.IsEmpty)
                {
                    await CheckAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the messages of tasks still starting keep their grace.
        }
    }

    private async Task ActOnAsync(EcsTaskDescription task)
    {
        if (task.TaskArn is not { } arn || !_watched.TryGetValue(arn, out var watched))
        {
            return;
        }

        var containerRan = task.Containers?.Any(c => c.ExitCode is not null || c.LastStatus == "RUNNING") == true;
        if (task.LastStatus == "RUNNING" || containerRan)
        {
            // The job runs (or ran): it heartbeats and settles its message itself.
            _watched.TryRemove(arn, out _);
            return;
        }

        if (task.LastStatus != "STOPPED")
        {
            return;
        }

        _watched.TryRemove(arn, out _);
        metrics.Failed();
        var reasons = string.Join("; ", new[] { task.StopCode, task.StoppedReason }
            .Concat(task.Containers?.Select(c => c.Reason) ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r)));
        var delay = visibility.AfterFailure(watched.Message.ReceiveCount);
        logger.LogWarning(
            "Task {TaskArn} for job {JobId} stopped before its job started ({Reason}); message {MessageId} back in {DelaySeconds} s (receive {ReceiveCount})",
            arn, watched.JobId, reasons.Length > 0 ? reasons : "no reason given", watched.Message.MessageId, delay.TotalSeconds, watched.Message.ReceiveCount);
        try
        {
            await sqs.ChangeMessageVisibilityAsync(options.QueueUrl, watched.Message.ReceiptHandle, (int)delay.TotalSeconds, CancellationToken.None);
        }
        catch (AmazonSQSException exception)
        {
            logger.LogWarning("Message {MessageId} visibility not changed: {Error}", watched.Message.MessageId, exception.Message);
        }
    }

    private sealed record Watched(ReceivedMessage Message, string JobId, DateTimeOffset GraceEnds);
}
