namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// What TranscodeJob writes as CloudWatch Embedded Metric Format on stdout, once per job (issue 12): the dashboard
/// and the failure-rate alarm read these names, and deploy/README.md documents them for whoever writes the job side.
/// </summary>
public static class JobMetricsContract
{
    public const string Namespace = "Transcoder/Job";

    /// <summary>The one dimension set: <c>[["Outcome"]]</c>.</summary>
    public const string Dimension = "Outcome";

    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>How a job ended.</summary>
    public static readonly IReadOnlyList<string> Outcomes = [Done, "already-done", "superseded", "bad-input", Failed];

    /// <summary>Each metric with its EMF unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> Metrics = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Jobs"] = "Count",
        ["SourceSeconds"] = "Seconds",
        ["OutputSeconds"] = "Seconds",
        ["EncodeSeconds"] = "Seconds",
        ["RealtimeFactor"] = "None",
        ["BytesIn"] = "Bytes",
        ["BytesOut"] = "Bytes",
        ["Attempt"] = "Count",
    };
}
