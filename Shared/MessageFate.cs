namespace Transcoder.Shared;

/// <summary>What happens to a job's queue message when the job ends (see <see cref="ExitCodes.FateOf"/>).</summary>
public enum MessageFate
{
    /// <summary>Deleted: the job is done, or its input can never succeed (its failure.json says why).</summary>
    Delete,

    /// <summary>Visible again at once, so that a new task retries now; a retry can help.</summary>
    Release,

    /// <summary>
    /// Visible again at once although a retry of the same deployment cannot help: after the queue's maxReceiveCount
    /// receives the redrive policy moves it to the DLQ, where it waits for a redrive once the deployment is fixed.
    /// </summary>
    ReleaseTowardsDeadLetter,
}
