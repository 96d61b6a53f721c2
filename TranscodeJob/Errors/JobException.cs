namespace Transcoder.TranscodeJob.Errors;

/// <summary>
/// An expected failure of the job, carrying one clear line for the operator and whether a retry can help.
/// Program.cs maps it to exit code 3 (bad input, not retryable) or 4 (transient, retryable).
/// </summary>
internal sealed class JobException(string message, bool isRetryable, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsRetryable { get; } = isRetryable;

    /// <summary>The input itself is the problem: retrying the same input gives the same result.</summary>
    public static JobException BadInput(string message, Exception? inner = null) => new(message, false, inner);

    /// <summary>Network, storage or capacity trouble: the same input may well work next time.</summary>
    public static JobException Transient(string message, Exception? inner = null) => new(message, true, inner);
}
