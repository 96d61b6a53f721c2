using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Metrics;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Queue;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// Turns how the job ended into what the world hears of it, in this order: the completion event (when the end is
/// final), the metrics line, then the message's fate. The event and the metrics go before the message is settled: a
/// job killed in between is retried and tells again. A task that did only its part of a long source's job tells nothing:
/// the part that ends the job does.
/// </summary>
/// <param name="publisher">Made only when there is an event to send.</param>
/// <param name="metrics">Where the EMF line goes; null when no metrics are written (text logs, <c>METRICS=off</c>).</param>
internal sealed class JobReporter(
    JobSpec spec, Func<EventPublisher> publisher, TextWriter? metrics, IMessageLease lease, TimeProvider time, ILogger logger)
{
    /// <returns>The job's exit code.</returns>
    public async Task<int> ReportAsync(JobEnd end)
    {
        if (JobEvents.For(end, spec, time.GetUtcNow()) is { } jobEvent)
        {
            await publisher().PublishAsync(jobEvent);
        }

        // One line per job: a part of a long source's job leaves it to the part that ends the job.
        if (metrics is not null && end.IsReported)
        {
            await metrics.WriteLineAsync(JobMetricsLine.For(end, spec.Attempt ?? 1, time.GetUtcNow()));
        }

        await lease.SettleAsync(end.ExitCode);
        logger.LogInformation("Exit code {ExitCode}", end.ExitCode);
        return end.ExitCode;
    }
}
