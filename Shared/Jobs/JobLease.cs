namespace Transcoder.Shared.Jobs;

/// <summary>The SQS message that started the job: with it the job heartbeats, deletes or releases the message.</summary>
/// <param name="QueueUrl">The queue the message came from.</param>
/// <param name="ReceiptHandle">This receive's handle.</param>
public sealed record JobLease(string QueueUrl, string ReceiptHandle);
