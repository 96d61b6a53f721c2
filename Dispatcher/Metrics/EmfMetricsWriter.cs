using Transcoder.Shared.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Metrics;

/// <summary>
/// Flushes <see cref="DispatchMetrics"/> as EMF lines on stdout every interval (CloudWatch Logs picks them up from the
/// awslogs driver), and once more on shutdown so the last interval is not lost.
/// </summary>
internal sealed class EmfMetricsWriter(DispatchMetrics metrics, DispatcherOptions options, TextWriter output, TimeProvider time, ILogger<EmfMetricsWriter> logger)
    : BackgroundService
{
    private const string ServiceName = MetricNames.DispatcherService;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Flush();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MetricsInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes.
        }
    }

    private void Flush()
    {
        var snapshot = metrics.TakeSnapshot();
        if (snapshot.IsEmpty)
        {
            return;
        }

        try
        {
            foreach (var line in EmfDocument.Lines(snapshot, options.MetricsNamespace, ServiceName, time.GetUtcNow()))
            {
                output.WriteLine(line);
            }

            output.Flush();
        }
        catch (IOException exception)
        {
            logger.LogWarning("Could not write metrics: {Error}", exception.Message);
        }
    }
}
