namespace Transcoder.TranscodeJob.Errors;

/// <summary>
/// An expected failure of the job, carrying one clear line for the operator and whether a retry can help.
/// Program.cs maps it to exit code 3 (bad input, not retryable) or 4 (transient, retryable).
/// </summary>
/// <param name="message">One line of about 200 characters at the most that says what is wrong.</param>
/// <param name="detail">What a tool said in full (ffmpeg's error lines), for the log and <c>failure.json</c>; null when the message says it all.</param>
internal sealed class JobException(string message, bool isRetryable, Exception? innerException = null, string? detail = null)
    : Exception(message, innerException)
{
    public bool IsRetryable { get; } = isRetryable;

    public string? Detail { get; } = detail;

    /// <summary>
    /// ffmpeg or ffprobe was killed (the OOM killer, a crash) or refused an allocation: retryable the first time, since
    /// the machine may be to blame; the pipeline turns the second one on the same upload into bad input.
    /// </summary>
    public bool IsOutOfResources { get; private init; }

    /// <summary>
    /// Set when another task of the same job (a long source's part) already reported this end with the failure
    /// record and the one event: this task says nothing more.
    /// </summary>
    public bool ReportedElsewhere { get; private init; }

    /// <summary>The same failure, already reported by another part of the job.</summary>
    public JobException AsReportedElsewhere() => new(Message, IsRetryable, InnerException, Detail) { IsOutOfResources = IsOutOfResources, ReportedElsewhere = true };

    public static JobException OutOfResources(string message, string? detail) => new(message, true, null, detail) { IsOutOfResources = true };

    /// <summary>The input itself is the problem: retrying the same input gives the same result.</summary>
    public static JobException BadInput(string message, Exception? inner = null, string? detail = null) => new(message, false, inner, detail);

    /// <summary>Network, storage or capacity trouble: the same input may well work next time.</summary>
    public static JobException Transient(string message, Exception? inner = null, string? detail = null) => new(message, true, inner, detail);
}
