using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Launching;

/// <summary>One job to start, with the message that asked for it; the job takes over the message's life.</summary>
/// <param name="Job">The video to transcode.</param>
/// <param name="MessageId">The SQS message id, for logs.</param>
/// <param name="ReceiptHandle">This receive's handle: the job heartbeats, deletes or releases the message with it.</param>
/// <param name="ClientToken">RunTask's idempotency token: the same for every attempt of this receive (see <see cref="ClientTokens"/>).</param>
public sealed record JobLaunch(JobRequest Job, string MessageId, string ReceiptHandle, string ClientToken);
