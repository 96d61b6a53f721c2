using Microsoft.Extensions.Configuration;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;
using Transcoder.Shared.Settings;

namespace Transcoder.Dispatcher.Options;

/// <summary>Everything the dispatcher is told, read once at start-up (<see cref="Read"/>) and then fixed.</summary>
internal sealed class DispatcherOptions
{
    /// <summary>The queue of upload notifications.</summary>
    public string QueueUrl { get; init; } = string.Empty;

    public LauncherKind Launcher { get; init; } = LauncherKind.Ecs;

    /// <summary>Messages handled at the same time (RunTask calls in flight).</summary>
    public int Concurrency { get; init; } = DispatcherDefaults.Concurrency;

    /// <summary>The message's visibility after a successful launch: time for the task to start and begin its heartbeat.</summary>
    public TimeSpan TaskStartGrace { get; init; } = TimeSpan.FromSeconds(DispatcherDefaults.TaskStartGraceSeconds);

    /// <summary>The message's visibility after a failed launch, doubled with each receive up to <see cref="RetryBackoffMax"/>.</summary>
    public TimeSpan RetryBackoffBase { get; init; } = TimeSpan.FromSeconds(DispatcherDefaults.RetryBackoffBaseSeconds);

    public TimeSpan RetryBackoffMax { get; init; } = TimeSpan.FromSeconds(DispatcherDefaults.RetryBackoffMaxSeconds);

    public KeyFilter KeyFilter { get; init; } = KeyFilter.Uploads;

    /// <summary>Where the jobs write their outputs.</summary>
    public string OutputBucket { get; init; } = string.Empty;

    public string OutputPrefix { get; init; } = string.Empty;

    /// <summary>
    /// Rendition names the jobs' ladder has besides height-shaped ones like <c>540p</c> (a custom ladder file's names),
    /// so that a message asking for one is accepted; any other name is refused before a task starts.
    /// </summary>
    public IReadOnlyList<string> RenditionNames { get; init; } = [];

    public EcsOptions Ecs { get; init; } = new();

    public LocalLauncherOptions Local { get; init; } = new();

    /// <summary>Whether CloudWatch Embedded Metric Format lines are written to stdout (<c>METRICS=emf</c>, the default, or <c>off</c>).</summary>
    public bool EmitMetrics { get; init; } = DispatcherDefaults.Metrics != "off";

    public string MetricsNamespace { get; init; } = DispatcherDefaults.MetricsNamespace;

    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(DispatcherDefaults.MetricsIntervalSeconds);

    /// <summary>Debug-level logs.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>json</c>, <c>text</c>, or null: JSON unless stdout is a terminal.</summary>
    public string? LogFormat { get; init; }

    /// <summary>The options in <paramref name="configuration"/>, and every problem with them.</summary>
    public static (DispatcherOptions Options, IReadOnlyList<string> Errors) Read(IConfiguration configuration)
    {
        var reader = new SettingReader(name => configuration[name]);
        var queueUrl = reader.Required(SettingNames.QueueUrl, "the queue of S3 upload notifications");
        if (queueUrl.Length > 0 && !Uri.TryCreate(queueUrl, UriKind.Absolute, out _))
        {
            reader.Error($"{SettingNames.QueueUrl} must be a queue URL such as https://sqs.eu-west-1.amazonaws.com/123456789012/uploads, not '{queueUrl}'");
        }

        // SQS caps a message's visibility timeout at 12 hours: no visibility the dispatcher sets may exceed it.
        var ceiling = (int)JobLease.VisibilityCeiling.TotalSeconds;
        var launcher = reader.Choice(SettingNames.Launcher, DispatcherDefaults.Launcher, "ecs", "local") == "local" ? LauncherKind.Local : LauncherKind.Ecs;
        var backoffBase = reader.Integer(SettingNames.RetryBackoffBaseSeconds, DispatcherDefaults.RetryBackoffBaseSeconds, 0, ceiling);
        var backoffMax = reader.Integer(SettingNames.RetryBackoffMaxSeconds, DispatcherDefaults.RetryBackoffMaxSeconds, 0, ceiling);
        if (backoffMax < backoffBase)
        {
            reader.Error($"{SettingNames.RetryBackoffMaxSeconds} ({backoffMax}) must not be below {SettingNames.RetryBackoffBaseSeconds} ({backoffBase})");
        }

        var suffixes = reader.List(SettingNames.KeySuffixes);
        var options = new DispatcherOptions
        {
            QueueUrl = queueUrl,
            Launcher = launcher,
            Concurrency = reader.Integer(SettingNames.Concurrency, DispatcherDefaults.Concurrency, 1, 1000),
            TaskStartGrace = TimeSpan.FromSeconds(reader.Integer(SettingNames.TaskStartGraceSeconds, DispatcherDefaults.TaskStartGraceSeconds, 30, ceiling)),
            RetryBackoffBase = TimeSpan.FromSeconds(backoffBase),
            RetryBackoffMax = TimeSpan.FromSeconds(backoffMax),
            KeyFilter = new KeyFilter(
                reader.Text(SettingNames.KeyPrefix) ?? string.Empty,
                suffixes.Count == 0 ? KeyFilter.UploadSuffixes : suffixes is ["*"] ? [] : suffixes),
            OutputBucket = reader.Required(SettingNames.OutputBucket, "the bucket the jobs write their outputs to"),
            OutputPrefix = reader.Text(SettingNames.OutputPrefix) ?? string.Empty,
            RenditionNames = reader.List(SettingNames.RenditionNames),
            Ecs = launcher == LauncherKind.Ecs ? EcsOptions.Read(reader) : new EcsOptions(),
            Local = launcher == LauncherKind.Local ? LocalLauncherOptions.Read(reader) : new LocalLauncherOptions(),
            EmitMetrics = reader.Choice(SettingNames.Metrics, DispatcherDefaults.Metrics, "emf", "on", "off") != "off",
            MetricsNamespace = reader.Text(SettingNames.MetricsNamespace) ?? DispatcherDefaults.MetricsNamespace,
            MetricsInterval = TimeSpan.FromSeconds(reader.Integer(SettingNames.MetricsIntervalSeconds, DispatcherDefaults.MetricsIntervalSeconds, 1, 3600)),
            Verbose = reader.Flag(SettingNames.Verbose, fallback: false),
            LogFormat = reader.Text(SettingNames.LogFormat) is null ? null : reader.Choice(SettingNames.LogFormat, "json", "json", "text"),
        };
        return (options, reader.Errors);
    }
}
