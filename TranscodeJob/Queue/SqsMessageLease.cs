using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Queue;

/// <summary>
/// Heartbeats, deletes or releases one SQS message. A stale receipt handle (the message came back and someone
/// else received it, or it was already deleted) is logged and never fails the job: the outputs are what matter.
/// No heartbeat asks for visibility past <paramref name="ceiling"/>: SQS refuses that (12 hours after the receive is
/// its limit), and the pipeline stops an encode that cannot end before it (see <see cref="Settings.LeaseSettings"/>).
/// </summary>
internal sealed class SqsMessageLease(
    IAmazonSQS sqs,
    string queueUrl,
    string receiptHandle,
    LeaseTimings timings,
    ILogger<SqsMessageLease> logger,
    TimeProvider time,
    DateTimeOffset? ceiling = null) : IMessageLease
{
    private readonly CancellationTokenSource _stop = new();
    private Task _heartbeat = Task.CompletedTask;

    public void Start() => _heartbeat = HeartbeatAsync(_stop.Token);

    public async Task SettleAsync(int exitCode)
    {
        await StopHeartbeatAsync();
        try
        {
            var fate = ExitCodes.FateOf(exitCode);
            if (fate == MessageFate.Delete)
            {
                await sqs.DeleteMessageAsync(queueUrl, receiptHandle, CancellationToken.None);
                logger.LogInformation("Deleted the message (exit code {ExitCode})", exitCode);
            }
            else
            {
                // Visible again at once: a new task retries now rather than after the visibility timeout. After
                // maxReceiveCount receives the queue's redrive policy moves it to the DLQ.
                await sqs.ChangeMessageVisibilityAsync(queueUrl, receiptHandle, 0, CancellationToken.None);
                logger.LogInformation(
                    "Released the message ({Why}, exit code {ExitCode})",
                    fate == MessageFate.Release ? "for a retry" : "towards the dead-letter queue: the deployment's settings are wrong",
                    exitCode);
            }
        }
        catch (Exception exception) when (IsStale(exception))
        {
            logger.LogWarning("The message's receipt handle is stale, leaving the message alone: {Error}", exception.Message);
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // Not deleted: it comes back after its visibility timeout, and the rerun finds the manifest and exits 0.
            logger.LogWarning("Could not settle the message; it will be redelivered: {Error}", exception.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHeartbeatAsync();
        _stop.Dispose();
    }

    private async Task StopHeartbeatAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _heartbeat;
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(timings.Interval, time);
            // At once as well: the dispatcher's start-up grace may end before the first interval does.
            do
            {
                if (!await ExtendAsync(cancellationToken))
                {
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by SettleAsync or DisposeAsync.
        }
    }

    /// <returns>False when the handle is stale and heartbeats are pointless.</returns>
    private async Task<bool> ExtendAsync(CancellationToken cancellationToken)
    {
        var seconds = (int)timings.Extension.TotalSeconds;
        if (ceiling is { } limit)
        {
            seconds = (int)Math.Min(seconds, Math.Floor((limit - time.GetUtcNow()).TotalSeconds));
            if (seconds <= 0)
            {
                logger.LogWarning("The message reached SQS's 12-hour visibility ceiling; no more heartbeats");
                return false;
            }
        }

        try
        {
            await sqs.ChangeMessageVisibilityAsync(queueUrl, receiptHandle, seconds, cancellationToken);
            logger.LogDebug("Extended the message's visibility by {Seconds} s", seconds);
            return true;
        }
        catch (Exception exception) when (IsStale(exception))
        {
            logger.LogWarning("The message's receipt handle is stale; no more heartbeats: {Error}", exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            logger.LogWarning("Heartbeat failed, trying again at the next one: {Error}", exception.Message);
            return true;
        }
    }

    public static bool IsStale(Exception exception) =>
        exception is ReceiptHandleIsInvalidException or MessageNotInflightException
        || exception is AmazonSQSException { ErrorCode: "InvalidParameterValue" or "ReceiptHandleIsInvalid" or "MessageNotInflight" or "AWS.SimpleQueueService.MessageNotInflight" };
}
