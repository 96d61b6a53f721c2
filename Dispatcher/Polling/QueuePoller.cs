using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Polling;

/// <summary>
/// The long-poll loop: receives only as many messages as it has free slots (so it never holds a message it cannot
/// work on), hands each to <see cref="MessageHandler"/> concurrently, and never dies: a failed receive is logged and
/// retried after a growing pause. On shutdown it stops receiving and waits for the messages in hand.
/// </summary>
internal sealed class QueuePoller(
    IAmazonSQS sqs,
    MessageHandler handler,
    DispatcherOptions options,
    DispatchMetrics metrics,
    TimeProvider time,
    LaunchPause pause,
    ILogger<QueuePoller> logger) : BackgroundService
{
    // SQS's limits: at most 10 messages per receive, at most 20 s of long polling.
    private const int MaxBatch = 10;
    private const int WaitTimeSeconds = 20;

    // Receive failures in a row: the pause after each grows (ExecuteAsync runs once per service).
    private int _consecutiveFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        var inFlight = new InFlightMessages();
        logger.LogInformation(
            "Polling {QueueUrl} with {Concurrency} concurrent dispatches, launching with {Launcher}",
            options.QueueUrl, options.Concurrency, options.Launcher);

        while (!stoppingToken.IsCancellationRequested)
        {
            if (pause.Remaining is { Ticks: > 0 } paused)
            {
                // ECS's circuit is open: received messages could only fail fast, so leave them in the queue.
                logger.LogWarning("Launching is paused (ECS circuit open); not receiving for {PauseSeconds} s", (int)Math.Ceiling(paused.TotalSeconds));
                await PauseAsync(paused, stoppingToken);
                continue;
            }

            var taken = await TakeSlotsAsync(slots, stoppingToken);
            if (taken == 0)
            {
                break;
            }

            var (messages, receivedAt) = await TryReceiveAsync(taken, slots, stoppingToken);
            foreach (var message in messages)
            {
                inFlight.Track(HandleAsync(ReceivedMessage.From(message) with { ReceivedAt = receivedAt }, slots, stoppingToken));
            }
        }

        var remaining = inFlight.Snapshot();
        logger.LogInformation("Stopped receiving; finishing {InFlight} messages in hand", remaining.Length);
        await Task.WhenAll(remaining);
        logger.LogInformation("Dispatcher stopped");
    }

    // Receives up to the slots taken and gives back those it did not fill. Nothing on stopping, nor after a failed
    // receive, which gives back every slot and pauses, longer after each failure in a row.
    private async Task<(IReadOnlyList<Message> Messages, DateTimeOffset ReceivedAt)> TryReceiveAsync(
        int taken, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        IReadOnlyList<Message> messages;
        DateTimeOffset receivedAt;
        try
        {
            // Taken before the call: the job counts SQS's 12-hour visibility ceiling from this moment, and earlier
            // than the real receive is the safe side.
            receivedAt = time.GetUtcNow();
            messages = await ReceiveAsync(taken, stoppingToken);
            _consecutiveFailures = 0;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            slots.Release(taken);
            return ([], default);
        }
        catch (Exception exception)
        {
            // The one place that catches everything: the loop must outlive any fault (docs/dispatcher.md, Messages).
            slots.Release(taken);
            _consecutiveFailures++;
            var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(_consecutiveFailures, 5))));
            logger.LogError("Receiving from the queue failed ({Failures} in a row), trying again in {PauseSeconds} s: {Error}",
                _consecutiveFailures, pause.TotalSeconds, exception.Message);
            await PauseAsync(pause, stoppingToken);
            return ([], default);
        }

        if (messages.Count < taken)
        {
            slots.Release(taken - messages.Count);
        }

        if (messages.Count > 0)
        {
            metrics.Received(messages.Count);
        }

        return (messages, receivedAt);
    }

    private async Task HandleAsync(ReceivedMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await handler.HandleAsync(message, stoppingToken);
        }
        catch (Exception exception)
        {
            // MessageHandler catches what it expects; anything else must not take the loop down either.
            logger.LogError("Unexpected failure handling message {MessageId}: {Error}", message.MessageId, exception.ToString());
        }
        finally
        {
            slots.Release();
        }
    }

    // Waits for one free slot, then takes whatever else is free up to a full batch.
    private static async Task<int> TakeSlotsAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await slots.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        var taken = 1;
        while (taken < MaxBatch && slots.Wait(0))
        {
            taken++;
        }

        return taken;
    }

    private async Task<IReadOnlyList<Message>> ReceiveAsync(int maxMessages, CancellationToken stoppingToken)
    {
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = options.QueueUrl,
                MaxNumberOfMessages = maxMessages,
                WaitTimeSeconds = WaitTimeSeconds,
                MessageSystemAttributeNames = [ReceivedMessage.ReceiveCountAttribute, ReceivedMessage.SentTimestampAttribute],
                MessageAttributeNames = [ReceivedMessage.InfrastructureRetriesAttribute],
            },
            stoppingToken);
        // SDK v4 leaves an empty list null.
        return response.Messages ?? [];
    }

    private async Task PauseAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pause, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
