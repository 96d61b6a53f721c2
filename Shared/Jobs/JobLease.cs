namespace Transcoder.Shared.Jobs;

/// <summary>The SQS message that started the job: with it the job heartbeats, deletes or releases the message.</summary>
/// <param name="QueueUrl">The queue the message came from.</param>
/// <param name="ReceiptHandle">This receive's handle.</param>
/// <param name="ReceivedAt">
/// When the dispatcher received it (at the latest): SQS lets a message stay invisible for at most 12 hours from its
/// receive, so the job knows until when it can own the message. Null when unknown (a lease set by hand).
/// </param>
public sealed record JobLease(string QueueUrl, string ReceiptHandle, DateTimeOffset? ReceivedAt = null)
{
    /// <summary>
    /// SQS's ceiling on a message's visibility, counted from its receive
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html): the one
    /// definition behind the job's deadline and heartbeats and the dispatcher's visibility rules and setting bounds.
    /// </summary>
    public static readonly TimeSpan VisibilityCeiling = TimeSpan.FromHours(12);

    /// <summary>The moment SQS makes the message visible again whatever the job does; null when the receive time is unknown.</summary>
    public DateTimeOffset? Ceiling => ReceivedAt + VisibilityCeiling;
}
