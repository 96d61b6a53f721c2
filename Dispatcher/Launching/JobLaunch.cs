using Transcoder.Shared.Jobs;

namespace Transcoder.Dispatcher.Launching;

/// <summary>One job to start, checked; the job takes over the message's life through <see cref="JobSpec.Lease"/>.</summary>
/// <param name="Spec">What the job is told: the environment of the task or child process (<see cref="JobSpec.ToEnvironment"/>).</param>
/// <param name="MessageId">The SQS message id, for logs and tags.</param>
/// <param name="ClientToken">RunTask's idempotency token: the same for every attempt of this receive (see <see cref="ClientTokens"/>).</param>
internal sealed record JobLaunch(JobSpec Spec, string MessageId, string ClientToken)
{
    /// <summary>The job's id: always set by the dispatcher.</summary>
    public string JobId => Spec.JobId ?? throw new InvalidOperationException("a launched job has an id");

    /// <summary>This receive's handle: the job heartbeats, deletes or releases the message with it.</summary>
    public string ReceiptHandle => Spec.Lease?.ReceiptHandle ?? throw new InvalidOperationException("a launched job owns its message");
}
