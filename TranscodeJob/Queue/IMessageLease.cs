namespace Transcoder.TranscodeJob.Queue;

/// <summary>
/// The job's hold on the SQS message that started it (docs/architecture.md, "The message's life"): kept invisible while the
/// job works, deleted when it is done or the input is bad, released for a retry otherwise.
/// </summary>
internal interface IMessageLease : IAsyncDisposable
{
    /// <summary>Starts extending the message's visibility in the background.</summary>
    void Start();

    /// <summary>
    /// Stops the heartbeat and settles the message: deleted after success (0) or bad input (3), released for a
    /// retry after anything else.
    /// </summary>
    Task SettleAsync(int exitCode);
}
