using Microsoft.Extensions.Configuration;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Options;

/// <summary>Everything the dispatcher is told, read once at start-up (<see cref="Read"/>) and then fixed.</summary>
public sealed class DispatcherOptions
{
    /// <summary>The queue of upload notifications.</summary>
    public string QueueUrl { get; init; } = string.Empty;

    public LauncherKind Launcher { get; init; } = LauncherKind.Ecs;

    /// <summary>Messages handled at the same time (RunTask calls in flight).</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>The message's visibility after a successful launch: time for the task to start and begin its heartbeat.</summary>
    public TimeSpan TaskStartGrace { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The message's visibility after a failed launch, doubled with each receive up to <see cref="RetryBackoffMax"/>.</summary>
    public TimeSpan RetryBackoffBase { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryBackoffMax { get; init; } = TimeSpan.FromMinutes(15);

    public KeyFilter KeyFilter { get; init; } = KeyFilter.VideoFiles;

    /// <summary>Where the jobs write their outputs.</summary>
    public string OutputBucket { get; init; } = string.Empty;

    public string OutputPrefix { get; init; } = string.Empty;

    public EcsOptions Ecs { get; init; } = new();

    public LocalLauncherOptions Local { get; init; } = new();

    /// <summary>Whether CloudWatch Embedded Metric Format lines are written to stdout (<c>METRICS=emf</c>, the default, or <c>off</c>).</summary>
    public bool EmitMetrics { get; init; } = true;

    public string MetricsNamespace { get; init; } = "Transcoder/Dispatcher";

    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The options in <paramref name="configuration"/>, and every problem with them.</summary>
    public static (DispatcherOptions Options, IReadOnlyList<string> Errors) Read(IConfiguration configuration)
    {
        var reader = new SettingReader(configuration);
        var queueUrl = reader.Required(SettingNames.QueueUrl, "the queue of S3 upload notifications");
        if (queueUrl.Length > 0 && !Uri.TryCreate(queueUrl, UriKind.Absolute, out _))
        {
            reader.Error($"{SettingNames.QueueUrl} must be a queue URL such as https://sqs.eu-west-1.amazonaws.com/123456789012/uploads, not '{queueUrl}'");
        }

        var launcher = ReadLauncher(reader);
        var backoffBase = reader.Integer(SettingNames.RetryBackoffBaseSeconds, 30, 0, 43_200);
        var backoffMax = reader.Integer(SettingNames.RetryBackoffMaxSeconds, 900, 0, 43_200);
        if (backoffMax < backoffBase)
        {
            reader.Error($"{SettingNames.RetryBackoffMaxSeconds} ({backoffMax}) must not be below {SettingNames.RetryBackoffBaseSeconds} ({backoffBase})");
        }

        var suffixes = reader.List(SettingNames.KeySuffixes);
        var options = new DispatcherOptions
        {
            QueueUrl = queueUrl,
            Launcher = launcher,
            Concurrency = reader.Integer(SettingNames.Concurrency, 16, 1, 1000),
            // SQS caps a message's visibility timeout at 12 hours.
            TaskStartGrace = TimeSpan.FromSeconds(reader.Integer(SettingNames.TaskStartGraceSeconds, 300, 30, 43_200)),
            RetryBackoffBase = TimeSpan.FromSeconds(backoffBase),
            RetryBackoffMax = TimeSpan.FromSeconds(backoffMax),
            KeyFilter = new KeyFilter(
                reader.Text(SettingNames.KeyPrefix) ?? string.Empty,
                suffixes.Count == 0 ? KeyFilter.VideoSuffixes : suffixes is ["*"] ? [] : suffixes),
            OutputBucket = reader.Required(SettingNames.OutputBucket, "the bucket the jobs write their outputs to"),
            OutputPrefix = reader.Text(SettingNames.OutputPrefix) ?? string.Empty,
            Ecs = launcher == LauncherKind.Ecs ? EcsOptions.Read(reader) : new EcsOptions(),
            Local = launcher == LauncherKind.Local ? LocalLauncherOptions.Read(reader) : new LocalLauncherOptions(),
            EmitMetrics = ReadMetricsSwitch(reader),
            MetricsNamespace = reader.Text(SettingNames.MetricsNamespace) ?? "Transcoder/Dispatcher",
            MetricsInterval = TimeSpan.FromSeconds(reader.Integer(SettingNames.MetricsIntervalSeconds, 60, 1, 3600)),
        };
        return (options, reader.Errors);
    }

    private static bool ReadMetricsSwitch(SettingReader reader)
    {
        switch (reader.Text(SettingNames.Metrics)?.ToLowerInvariant())
        {
            case null or "emf" or "on":
                return true;
            case "off":
                return false;
            case var other:
                reader.Error($"{SettingNames.Metrics} must be 'emf' or 'off', not '{other}'");
                return true;
        }
    }

    private static LauncherKind ReadLauncher(SettingReader reader)
    {
        switch (reader.Text(SettingNames.Launcher)?.ToLowerInvariant())
        {
            case null or "ecs":
                return LauncherKind.Ecs;
            case "local":
                return LauncherKind.Local;
            case var other:
                reader.Error($"{SettingNames.Launcher} must be 'ecs' or 'local', not '{other}'");
                return LauncherKind.Ecs;
        }
    }
}
