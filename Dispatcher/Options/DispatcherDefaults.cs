namespace Transcoder.Dispatcher.Options;

/// <summary>
/// Every default of the dispatcher's settings, in one place: the options' initial values and the reader's fallbacks
/// take them from here, and a test checks the configuration table of docs/dispatcher.md against them.
/// </summary>
internal static class DispatcherDefaults
{
    public const string Launcher = "ecs";
    public const int Concurrency = 16;
    public const int TaskStartGraceSeconds = 300;
    public const int RetryBackoffBaseSeconds = 30;
    public const int RetryBackoffMaxSeconds = 900;
    public const string AssignPublicIp = "DISABLED";
    public const string LaunchType = "FARGATE";
    public const string StartedBy = "transcoder-dispatcher";
    public const int EcsMaxAttempts = 4;
    public const bool SpotFallback = true;
    public const int LocalMaxJobs = 2;
    public const string Metrics = "emf";
    public const string MetricsNamespace = Shared.Metrics.MetricNames.DispatcherNamespace;
    public const int MetricsIntervalSeconds = 60;

    /// <summary>The documented value of each setting above, as docs/dispatcher.md's configuration table writes it.</summary>
    public static IReadOnlyDictionary<string, string> Documented { get; } = new Dictionary<string, string>
    {
        [SettingNames.Launcher] = Launcher,
        [SettingNames.Concurrency] = $"{Concurrency}",
        [SettingNames.TaskStartGraceSeconds] = $"{TaskStartGraceSeconds}",
        [SettingNames.RetryBackoffBaseSeconds] = $"{RetryBackoffBaseSeconds}",
        [SettingNames.RetryBackoffMaxSeconds] = $"{RetryBackoffMaxSeconds}",
        [SettingNames.AssignPublicIp] = AssignPublicIp,
        [SettingNames.LaunchType] = LaunchType,
        [SettingNames.StartedBy] = StartedBy,
        [SettingNames.EcsMaxAttempts] = $"{EcsMaxAttempts}",
        [SettingNames.SpotFallback] = SpotFallback ? "true" : "false",
        [SettingNames.LocalMaxJobs] = $"{LocalMaxJobs}",
        [SettingNames.Metrics] = Metrics,
        [SettingNames.MetricsNamespace] = MetricsNamespace,
        [SettingNames.MetricsIntervalSeconds] = $"{MetricsIntervalSeconds}",
    };
}
