using Transcoder.TranscodeJob.Queue;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>The SQS message this job owns (set by the dispatcher), with the heartbeat timing.</summary>
/// <param name="Ceiling">When SQS makes the message visible again whatever the job does (12 hours after the receive); null when unknown.</param>
internal sealed record LeaseSettings(string QueueUrl, string ReceiptHandle, LeaseTimings Timings, DateTimeOffset? Ceiling = null)
{
    /// <summary>
    /// Time kept back from the ceiling for what follows the encode (packaging, uploads, the manifest, settling the
    /// message): an encode that cannot end before <see cref="Ceiling"/> minus this is refused.
    /// </summary>
    public static readonly TimeSpan FinishAllowance = TimeSpan.FromMinutes(15);

    /// <summary>The latest moment the encode may end; null when the ceiling is unknown.</summary>
    public DateTimeOffset? EncodeDeadline => Ceiling - FinishAllowance;
}
