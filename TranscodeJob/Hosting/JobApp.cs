using Transcoder.Shared.Hosting;
using System.CommandLine;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Metrics;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Queue;
using Transcoder.TranscodeJob.Settings;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// The edge of the job: parses the command line, runs the pipeline, and turns every outcome into a documented exit
/// code and, on failure, one clear line on stderr. Nothing below this class decides exit codes.
/// </summary>
internal static class JobApp
{
    // ECS sends SIGKILL 30 s after SIGTERM by default: 10 s for ffmpeg to stop leaves time to clean up and
    // release the message.
    private static readonly TimeSpan FfmpegGracePeriod = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(
        string[] args, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ProcessSignals shutdown)
    {
        var command = new JobCommand();
        command.Root.SetAction((parse, _) => RunJobAsync(command, command.Read(parse), environment, console, shutdown));
        var parse = command.Root.Parse(args);
        var exitCode = await parse.InvokeAsync(
            new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null },
            shutdown.Token);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    private static async Task<int> RunJobAsync(
        JobCommand command, CliValues cli, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ProcessSignals shutdown)
    {
        JobSettings settings;
        try
        {
            settings = JobSettingsResolver.Resolve(cli, environment);
        }
        catch (UsageException usage)
        {
            foreach (var problem in usage.Problems)
            {
                await console.Error.WriteLineAsync($"error: {problem}");
            }

            await console.Error.WriteLineAsync();
            await command.Root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = console.Error });
            if (JobSettingsResolver.TryResolveLease(environment) is { } orphan)
            {
                using var quiet = JobLogging.Create(LogFormat.Json, verbose: false);
                await using var orphanLease = CreateLease(orphan, environment, quiet);
                await orphanLease.SettleAsync(ExitCodes.Usage);
            }

            return ExitCodes.Usage;
        }

        var format = settings.LogFormat ?? (console.OutIsTerminal ? LogFormat.Text : LogFormat.Json);
        using var loggers = JobLogging.Create(format, settings.Verbose);
        var logger = loggers.CreateLogger("TranscodeJob");

        int exitCode;
        JobOutcome? outcome = null;
        SourceSupersededException? supersededBy = null;
        string? error = null;
        await using var lease = CreateLease(settings.Lease, environment, loggers);
        lease.Start();
        var pipeline = CreatePipeline(settings, environment, console, loggers);
        try
        {
            outcome = await pipeline.RunAsync(shutdown.Token);
            if (console.OutIsTerminal && format == LogFormat.Text)
            {
                await console.Out.WriteLineAsync($"Outputs: {outcome.Location}");
            }

            exitCode = ExitCodes.Success;
        }
        catch (SourceSupersededException superseded)
        {
            logger.LogInformation("Superseded, publishing nothing: {Reason}", superseded.Message);
            supersededBy = superseded;
            exitCode = ExitCodes.Success;
        }
#pragma warning disable CA1031 // The edge of the program: every failure ends in an exit code and one line.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            (exitCode, var line) = ExitCodeMapping.For(exception, shutdown.Token, shutdown.ExitCode);
            if (exitCode == ExitCodes.Unexpected)
            {
                // A bug: the stack trace belongs in the log, not in the operator's one line.
                logger.LogError(exception, "Unexpected error");
            }
            else if (exception is OperationCanceledException)
            {
                logger.LogWarning("Stopped by a signal; ffmpeg stopped and the workspace removed");
            }
            else
            {
                logger.LogError("{Error}", exception.Message);
            }

            await console.Error.WriteLineAsync(line);
            error = exception.Message;
        }

        // The event and the metrics before the message is settled: a job killed in between is retried and tells again.
        var end = new JobEnd(exitCode, outcome?.JobId ?? pipeline.JobId ?? "unknown", outcome, supersededBy, error, pipeline.SourceBytes);
        if (JobEvents.For(end, settings.Spec, TimeProvider.System.GetUtcNow()) is { } jobEvent)
        {
            await CreatePublisher(settings.Events, environment, loggers).PublishAsync(jobEvent);
        }

        if (settings.EmitMetrics && format == LogFormat.Json)
        {
            await console.Out.WriteLineAsync(JobMetricsLine.For(end, settings.Spec.Attempt ?? 1, TimeProvider.System.GetUtcNow()));
        }

        await lease.SettleAsync(exitCode);
        logger.LogInformation("Exit code {ExitCode}", exitCode);
        return exitCode;
    }

    private static TranscodePipeline CreatePipeline(
        JobSettings settings, IReadOnlyDictionary<string, string> environment, ProcessConsole console, ILoggerFactory loggers)
    {
        var s3 = new Lazy<IAmazonS3>(() => AwsClients.CreateS3(environment));
        ISourceStore source = settings.Input switch
        {
            LocalInput local => new LocalSourceStore(local),
            S3Input remote => new S3SourceStore(s3.Value, remote, loggers.CreateLogger<S3SourceStore>()),
            _ => throw new InvalidOperationException($"unknown input {settings.Input}"),
        };
        IOutputStore output = settings.Output switch
        {
            LocalOutput local => new LocalOutputStore(Path.Combine(local.FullPath, settings.Input.OutputFolderName)),
            S3Output remote => new S3OutputStore(s3.Value, remote.Bucket, $"{remote.Prefix}{settings.Input.OutputFolderName}/"),
            _ => throw new InvalidOperationException($"unknown output {settings.Output}"),
        };

        return new TranscodePipeline(
            source,
            output,
            new FfmpegRunner(FfmpegPaths.FromEnvironment(environment), FfmpegGracePeriod),
            new PipelineOptions(settings.JobId, settings.Ladder, settings.WorkDir, settings.Parallelism, console.ErrorIsTerminal ? console.Error : null)
            {
                EncodeMode = settings.EncodeMode,
                Formats = settings.Formats,
                MaxSourceDuration = settings.MaxSourceDuration,
                Revision = settings.Spec.Revision,
                Passthrough = settings.Spec.Passthrough,
                RenditionsGiven = settings.Spec.Renditions.Count > 0,
                FormatsGiven = environment.ContainsKey(JobEnvironment.Formats) || settings.Formats != JobSpec.DefaultFormats,
                EncodeDeadline = settings.Lease?.EncodeDeadline,
            },
            loggers,
            TimeProvider.System);
    }

    private static EventPublisher CreatePublisher(EventSettings events, IReadOnlyDictionary<string, string> environment, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Events");
        var senders = new List<IEventSender>();
        if (events.ResultsQueueUrl is { } queueUrl)
        {
            senders.Add(new ResultsQueueSender(AwsClients.CreateSqs(environment), queueUrl));
        }

        if (events.WebhookUrl is { } url && events.WebhookSecret is { } secret)
        {
            senders.Add(new WebhookSender(WebhookHttp.Value, url, secret, TimeProvider.System, logger));
        }

        return new EventPublisher(senders, logger, TimeProvider.System);
    }

    // One client per process: sockets are pooled; each attempt has its own timeout.
    private static readonly Lazy<HttpClient> WebhookHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });

    private static IMessageLease CreateLease(LeaseSettings? settings, IReadOnlyDictionary<string, string> environment, ILoggerFactory loggers) =>
        settings is null
            ? NoMessageLease.Instance
            : new SqsMessageLease(
                AwsClients.CreateSqs(environment),
                settings.QueueUrl,
                settings.ReceiptHandle,
                settings.Timings,
                loggers.CreateLogger<SqsMessageLease>(),
                TimeProvider.System,
                settings.Ceiling);
}
