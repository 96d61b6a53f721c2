using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Events;

/// <summary>
/// Sends the completion event to every configured destination. Never throws and never changes the job's exit code:
/// the outputs and the manifest are the record; the event is the notification, bounded by <see cref="Budget"/>.
/// </summary>
internal sealed class EventPublisher(IReadOnlyList<IEventSender> senders, ILogger logger, TimeProvider time)
{
    /// <summary>The most the job spends on notifying before it exits (ECS gives 30 s after SIGTERM; a normal end has more).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public bool HasDestinations => senders.Count > 0;

    public async Task PublishAsync(JobEvent jobEvent)
    {
        if (senders.Count == 0)
        {
            return;
        }

        var body = JsonSerializer.Serialize(jobEvent, JobEventJsonContext.Default.JobEvent);
        using var budget = new CancellationTokenSource(Budget, time);
        await Task.WhenAll(senders.Select(async sender =>
        {
            try
            {
                await sender.SendAsync(jobEvent, body, budget.Token);
                logger.LogInformation("Sent {EventType} to the {Destination}", jobEvent.Type, sender.Name);
            }
#pragma warning disable CA1031 // A notification that fails is logged; it must not fail a job whose outputs are in place.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning("Could not send {EventType} to the {Destination}: {Error}", jobEvent.Type, sender.Name, exception.Message);
            }
        }));
    }
}
