namespace Transcoder.Shared.Metrics;

/// <summary>
/// The names of both executables' CloudWatch metrics, in one place: the dispatcher and the job write them, and the
/// stack's dashboard and alarms (checked by tests/Transcoder.Deploy.Tests) read them.
/// </summary>
public static class MetricNames
{
    /// <summary>The dispatcher's default namespace (setting <c>METRICS_NAMESPACE</c>).</summary>
    public const string DispatcherNamespace = "Transcoder/Dispatcher";

    /// <summary>The dispatcher's one dimension.</summary>
    public const string DispatcherDimension = "Service";

    /// <summary>That dimension's value on every dispatcher line.</summary>
    public const string DispatcherService = "dispatcher";

    /// <summary>The dispatcher's latency from a message's SendTimestamp to its RunTask, in milliseconds.</summary>
    public const string DispatchLatency = "DispatchLatency";

    /// <summary>Messages received, per interval.</summary>
    public const string Received = "Received";

    /// <summary>Jobs launched, per interval.</summary>
    public const string Launched = "Launched";

    /// <summary>Launch attempts throttled by ECS, per interval.</summary>
    public const string Throttled = "Throttled";

    /// <summary>Launches that failed, per interval.</summary>
    public const string LaunchFailed = "Failed";

    /// <summary>Messages deleted without a job (test events, filtered keys), per interval.</summary>
    public const string Ignored = "Ignored";

    /// <summary>Messages not understood or asking for a job that cannot run, per interval.</summary>
    public const string Invalid = "Invalid";

    /// <summary>The dispatcher's counters, in the order its lines declare them.</summary>
    public static readonly IReadOnlyList<string> DispatcherCounters = [Received, Launched, Throttled, LaunchFailed, Ignored, Invalid];

    /// <summary>The job's namespace.</summary>
    public const string JobNamespace = "Transcoder/Job";

    /// <summary>The job's one dimension: how it ended.</summary>
    public const string JobDimension = "Outcome";

    /// <summary>Outputs in place.</summary>
    public const string Done = "done";

    /// <summary>A manifest for the same upload and request was already there.</summary>
    public const string AlreadyDone = "already-done";

    /// <summary>A later upload of the key took over.</summary>
    public const string Superseded = "superseded";

    /// <summary>The upload cannot be transcoded (exit 3): the uploader's problem, not an operational failure.</summary>
    public const string BadInput = "bad-input";

    /// <summary>Any other end (exit 1, 2, 4, 130, 143): what the failure-rate alarm counts.</summary>
    public const string Failed = "failed";

    /// <summary>Every value of <see cref="JobDimension"/>.</summary>
    public static readonly IReadOnlyList<string> JobOutcomes = [Done, AlreadyDone, Superseded, BadInput, Failed];

    /// <summary>The job's metrics with their EMF units, in the order the job writes them.</summary>
    public static readonly IReadOnlyList<(string Name, string Unit)> JobMetrics =
    [
        ("Jobs", "Count"), ("Attempt", "Count"), ("SourceSeconds", "Seconds"), ("OutputSeconds", "Seconds"), ("EncodeSeconds", "Seconds"),
        ("RealtimeFactor", "None"), ("BytesIn", "Bytes"), ("BytesOut", "Bytes"),
    ];
}
