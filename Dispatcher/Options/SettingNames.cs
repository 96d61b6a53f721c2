using Transcoder.Shared.Aws;

namespace Transcoder.Dispatcher.Options;

/// <summary>
/// The dispatcher's settings: environment variables of these names (the names of the original seed project), or keys
/// of the same names in appsettings.json or on the command line (<c>--ECS_CLUSTER=name</c>).
/// </summary>
public static class SettingNames
{
    public const string QueueUrl = "SQS_QUEUE_URL";
    public const string Launcher = "LAUNCHER";
    public const string Cluster = "ECS_CLUSTER";
    public const string TaskDefinition = "ECS_TASK_DEF";
    public const string ContainerName = "ECS_CONTAINER_NAME";
    public const string Subnets = "ECS_SUBNETS";
    public const string SecurityGroups = "ECS_SECURITY_GROUPS";
    public const string AssignPublicIp = "ECS_ASSIGN_PUBLIC_IP";
    public const string LaunchType = "ECS_LAUNCH_TYPE";
    public const string CapacityProvider = "ECS_CAPACITY_PROVIDER";
    public const string StartedBy = "ECS_STARTED_BY";
    public const string EcsMaxAttempts = "ECS_MAX_ATTEMPTS";
    public const string SpotFallback = "ECS_SPOT_FALLBACK";
    public const string OutputBucket = "BUCKET_NAME_PROD";
    public const string OutputPrefix = "OUTPUT_PREFIX";
    public const string RenditionNames = "RENDITION_NAMES";
    public const string Region = AwsEnvironment.Region;
    public const string Concurrency = "DISPATCH_CONCURRENCY";
    public const string TaskStartGraceSeconds = "TASK_START_GRACE_SECONDS";
    public const string RetryBackoffBaseSeconds = "RETRY_BACKOFF_BASE_SECONDS";
    public const string RetryBackoffMaxSeconds = "RETRY_BACKOFF_MAX_SECONDS";
    public const string KeyPrefix = "KEY_PREFIX";
    public const string KeySuffixes = "KEY_SUFFIXES";
    public const string LocalJobPath = "LOCAL_JOB_PATH";
    public const string LocalMaxJobs = "LOCAL_MAX_JOBS";
    public const string Metrics = "METRICS";
    public const string MetricsNamespace = "METRICS_NAMESPACE";
    public const string MetricsIntervalSeconds = "METRICS_INTERVAL_SECONDS";
    public const string LogFormat = "LOG_FORMAT";
    public const string Verbose = "VERBOSE";
}
