using Amazon.S3;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Captions;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Queue;
using Transcoder.TranscodeJob.Settings;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>The job's object graph, built from its settings and environment: the job of its kind, the message lease, the event publisher.</summary>
internal static class JobServices
{
    // ECS sends SIGKILL 30 s after SIGTERM by default: 10 s for ffmpeg to stop leaves time to clean up and
    // release the message.
    private static readonly TimeSpan FfmpegGracePeriod = TimeSpan.FromSeconds(10);

    // One client per process: sockets are pooled; each attempt has its own timeout.
    private static readonly Lazy<HttpClient> WebhookHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });

    /// <param name="terminal">stderr when a person watches it (a redrawn progress bar), else null.</param>
    public static IJob CreateJob(
        JobSettings settings, IReadOnlyDictionary<string, string> environment, TextWriter? terminal, ILoggerFactory loggers)
    {
        var s3 = new Lazy<IAmazonS3>(() => AwsClients.CreateS3(environment));
        ISourceStore source = settings.Input switch
        {
            LocalInput local => new LocalSourceStore(local),
            S3Input remote => new S3SourceStore(s3.Value, remote, loggers.CreateLogger<S3SourceStore>()),
            _ => throw new InvalidOperationException($"unknown input {settings.Input}"),
        };
        IOutputStore OutputFor(InputLocation video) => settings.Output switch
        {
            LocalOutput local => new LocalOutputStore(Path.Combine(local.FullPath, video.OutputFolderName)),
            S3Output remote => new S3OutputStore(s3.Value, remote.Bucket, $"{remote.Prefix}{video.OutputFolderName}/"),
            _ => throw new InvalidOperationException($"unknown output {settings.Output}"),
        };

        // A chunk, or a job from a queue that may cut a long source (its chunks go to the pipeline through that queue).
        var chunks = settings.Input is S3Input s3Input && settings.Output is S3Output s3Output && (settings.Spec.Chunk is not null || settings.Lease is not null)
            ? new ChunkServices(
                s3.Value, AwsClients.CreateSqs(environment), settings.Lease?.QueueUrl, s3Input, s3Output, settings.Input.OutputFolderName, settings.Split, TimeProvider.System)
            : null;
        var runner = new FfmpegRunner(FfmpegPaths.FromEnvironment(environment), FfmpegGracePeriod, AllocatorTuning.For(environment));
        var options = Options(settings, terminal);
        return settings switch
        {
            { Spec.Kind: JobKind.AttachCaption } => new CaptionJob(source, OutputFor, options, loggers, TimeProvider.System),
            { Spec.Chunk: { } chunk } => new ChunkPipeline(
                chunk, source, OutputFor(settings.Input), chunks ?? throw new InvalidOperationException("a chunk reads and writes S3 (checked by the spec)"),
                runner, options, loggers, TimeProvider.System),
            _ => new TranscodePipeline(source, OutputFor(settings.Input), runner, options, loggers, TimeProvider.System, chunks),
        };
    }

    private static PipelineOptions Options(JobSettings settings, TextWriter? terminal) =>
        new(settings.JobId, settings.Ladder, settings.WorkDir, settings.Parallelism, terminal)
        {
            EncodeMode = settings.EncodeMode,
            MeasureQuality = settings.MeasureQuality,
            Formats = settings.Formats,
            Codecs = settings.Spec.Codecs,
            MaxSourceDuration = settings.MaxSourceDuration,
            Limits = settings.Limits,
            Revision = settings.Spec.Revision,
            Passthrough = settings.Spec.Passthrough,
            // Given by the message or the command line: the upload's metadata does not choose them then.
            RenditionsGiven = settings.Spec.Renditions.Count > 0,
            FormatsGiven = settings.Spec.Formats is not null,
            EncodeDeadline = settings.Lease?.EncodeDeadline,
        };

    public static EventPublisher CreatePublisher(EventSettings events, IReadOnlyDictionary<string, string> environment, ILoggerFactory loggers)
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

    public static IMessageLease CreateLease(LeaseSettings? settings, IReadOnlyDictionary<string, string> environment, ILoggerFactory loggers) =>
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
