using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Options;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Polling;

/// <summary>
/// Turns one received message into work and decides its fate: launched → invisible for the task-start grace (the
/// job owns it from then on); launch failed for infrastructure reasons → requeued as a delayed copy that does not
/// spend the DLQ budget; launch failed otherwise → invisible for a growing backoff; ignorable → deleted; not understood or
/// asking for a job that cannot run → left alone for the DLQ; shutdown before launch → released. Never throws.
/// </summary>
internal sealed class MessageHandler(
    IAmazonSQS sqs,
    ITaskLauncher launcher,
    DispatcherOptions options,
    VisibilityRules visibility,
    DispatchMetrics metrics,
    TimeProvider time,
    ILogger<MessageHandler> logger,
    TaskStartWatch? starts = null)
{
    public async Task HandleAsync(ReceivedMessage message, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = message.MessageId });
        try
        {
            var parsed = QueueMessageParser.Parse(message.Body, options.KeyFilter);
            switch (parsed.Kind)
            {
                case QueueMessageKind.Invalid:
                    metrics.Invalid();
                    logger.LogWarning(
                        "Message {MessageId} is not understood and is left for the dead-letter queue (receive {ReceiveCount}): {Reason}",
                        message.MessageId, message.ReceiveCount, parsed.Reason);
                    return;
                case QueueMessageKind.Ignored:
                    metrics.Ignored();
                    logger.LogInformation("Message {MessageId} needs no job, deleting it: {Reason}", message.MessageId, parsed.Reason);
                    await DeleteAsync(message);
                    return;
                case QueueMessageKind.Jobs when parsed.Jobs.Count > 1:
                    await SplitAsync(message, parsed.Jobs, stoppingToken);
                    return;
                default:
                    if (parsed.Reason.Length > 0)
                    {
                        logger.LogInformation("Message {MessageId}: {Note}", message.MessageId, parsed.Reason);
                    }

                    await LaunchAsync(message, parsed.Jobs[0], stoppingToken);
                    return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ChangeVisibilityAsync(message, VisibilityRules.Release, "released for another dispatcher (shutting down)");
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // Left as it is: it comes back after its visibility timeout.
            logger.LogWarning("Message {MessageId} could not be handled, it will come back: {Error}", message.MessageId, exception.Message);
        }
    }

    private async Task LaunchAsync(ReceivedMessage message, JobRequest job, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(job.Chunk is { } chunk
            ? new Dictionary<string, object> { ["JobId"] = job.JobId, ["Chunk"] = chunk.Display }
            : new Dictionary<string, object> { ["JobId"] = job.JobId });
        var (spec, problems) = LaunchSpecs.For(job, message.ReceiptHandle, message.ReceivedAt, message.ReceiveCount + message.InfrastructureRetries, options);
        if (problems.Count > 0)
        {
            // Like a message that is not understood: no task, and the redrive policy moves it to the DLQ.
            metrics.Invalid();
            logger.LogWarning(
                "Message {MessageId} asks for a job that cannot run and is left for the dead-letter queue (receive {ReceiveCount}): {Problems}",
                message.MessageId, message.ReceiveCount, string.Join("; ", problems));
            return;
        }

        var launch = new JobLaunch(spec, message.MessageId, ClientTokens.For(message.MessageId, message.ReceiptHandle));
        string taskId;
        try
        {
            taskId = await launcher.LaunchAsync(launch, stoppingToken);
        }
        catch (LaunchException exception) when (exception.IsRetryable)
        {
            metrics.Failed();
            await RequeueAsync(message, job, exception);
            return;
        }
        catch (LaunchException exception)
        {
            metrics.Failed();
            var delay = visibility.AfterFailure(message.ReceiveCount);
            logger.LogWarning(
                "Job {JobId} for s3://{Bucket}/{Key} could not be launched ({Retryable}), message back in {DelaySeconds} s (receive {ReceiveCount}): {Error}",
                job.JobId, job.Bucket, job.Key, exception.IsRetryable ? "retryable" : "not retryable", delay.TotalSeconds, message.ReceiveCount, exception.Message);
            await ChangeVisibilityAsync(message, delay, "backed off after a failed launch");
            return;
        }

        metrics.Launched(message.SentAt is { } sentAt ? time.GetUtcNow() - sentAt : null);
        logger.LogInformation("Launched job {JobId} for s3://{Bucket}/{Key} as {TaskId}", job.JobId, job.Bucket, job.Key, taskId);
        starts?.Track(taskId, message, job.JobId);
        await ChangeVisibilityAsync(message, visibility.AfterLaunch, "kept for the task's start");
    }

    // An infrastructure failure is not the upload's fault, so it must not spend the receives the redrive policy counts
    // (maxReceiveCount 3 would send every upload of a 4-minute ECS outage to the DLQ). The message is sent again as a
    // fresh copy, delayed and carrying its requeue count, and only then the original is deleted. A crash between the
    // two leaves both: the job is idempotent, so the duplicate costs one extra task start at most; nothing is lost.
    // If SQS refuses the copy, the original is backed off as before (that one receive is spent).
    private async Task RequeueAsync(ReceivedMessage message, JobRequest job, LaunchException exception)
    {
        var retries = message.InfrastructureRetries + 1;
        var delay = visibility.RequeueDelay(message.InfrastructureRetries);
        try
        {
            await sqs.SendMessageAsync(
                new SendMessageRequest(options.QueueUrl, message.Body)
                {
                    DelaySeconds = (int)delay.TotalSeconds,
                    MessageAttributes = new Dictionary<string, MessageAttributeValue>
                    {
                        [ReceivedMessage.InfrastructureRetriesAttribute] = new()
                        {
                            DataType = "Number", StringValue = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        },
                    },
                },
                CancellationToken.None);
        }
        catch (AmazonSQSException sendFailure)
        {
            var backoff = visibility.AfterFailure(message.ReceiveCount);
            logger.LogWarning(
                "Job {JobId} for s3://{Bucket}/{Key} could not be launched ({Error}) nor requeued ({SendError}), message back in {DelaySeconds} s (receive {ReceiveCount})",
                job.JobId, job.Bucket, job.Key, exception.Message, sendFailure.Message, backoff.TotalSeconds, message.ReceiveCount);
            await ChangeVisibilityAsync(message, backoff, "backed off after a failed launch and requeue");
            return;
        }

        logger.LogWarning(
            "Job {JobId} for s3://{Bucket}/{Key} could not be launched (infrastructure, retry {Retries}), requeued with a {DelaySeconds} s delay without spending a receive: {Error}",
            job.JobId, job.Bucket, job.Key, retries, delay.TotalSeconds, exception.Message);
        await DeleteAsync(message);
    }

    // One job per message: the job deletes or releases its own message, which it cannot do for a message shared with
    // other jobs. So an event with several records becomes one job message each, and the original goes.
    private async Task SplitAsync(ReceivedMessage message, IReadOnlyList<JobRequest> jobs, CancellationToken stoppingToken)
    {
        var entries = jobs.Select((job, index) => new SendMessageBatchRequestEntry($"job{index}", JobMessage.ToJson(job))).ToList();
        foreach (var batch in entries.Chunk(10))
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest(options.QueueUrl, [.. batch]), stoppingToken);
            if (response.Failed is { Count: > 0 } failed)
            {
                // The original stays and comes back; jobs already sent are idempotent, so the repeat is harmless.
                throw new AmazonSQSException($"could not queue {failed.Count} of {jobs.Count} split jobs: {failed[0].Message}");
            }
        }

        logger.LogInformation("Message {MessageId} holds {JobCount} uploads: queued one job message each", message.MessageId, jobs.Count);
        await DeleteAsync(message);
    }

    private async Task DeleteAsync(ReceivedMessage message)
    {
        try
        {
            await sqs.DeleteMessageAsync(options.QueueUrl, message.ReceiptHandle, CancellationToken.None);
        }
        catch (AmazonSQSException exception)
        {
            logger.LogWarning("Message {MessageId} could not be deleted, it will come back: {Error}", message.MessageId, exception.Message);
        }
    }

    private async Task ChangeVisibilityAsync(ReceivedMessage message, TimeSpan visibilityTimeout, string why)
    {
        try
        {
            // Not cancellable: on shutdown this is exactly the call that must still happen.
            await sqs.ChangeMessageVisibilityAsync(options.QueueUrl, message.ReceiptHandle, (int)visibilityTimeout.TotalSeconds, CancellationToken.None);
            logger.LogDebug("Message {MessageId} {Why}: visible again in {Seconds} s", message.MessageId, why, (int)visibilityTimeout.TotalSeconds);
        }
        catch (AmazonSQSException exception)
        {
            // A fast local job may already have deleted it; a stale handle changes nothing either way.
            logger.LogDebug("Message {MessageId} visibility not changed ({Why}): {Error}", message.MessageId, why, exception.Message);
        }
    }
}
