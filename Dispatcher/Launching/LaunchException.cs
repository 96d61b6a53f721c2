namespace Transcoder.Dispatcher.Launching;

/// <summary>A job could not be started.</summary>
internal sealed class LaunchException(string message, bool isRetryable, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>Whether the same launch may work later (throttling, capacity, an outage) rather than never (bad parameters, no permission).</summary>
    public bool IsRetryable { get; } = isRetryable;
}
