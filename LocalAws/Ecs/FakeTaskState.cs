namespace Transcoder.LocalAws.Ecs;

/// <summary>What <see cref="FakeEcs"/> answers DescribeTasks with for one task.</summary>
/// <param name="LastStatus">PROVISIONING, PENDING, RUNNING, STOPPED, …</param>
/// <param name="ExitCode">The job container's exit code; null while it has not run.</param>
public sealed record FakeTaskState(string LastStatus, string? StopCode = null, string? StoppedReason = null, int? ExitCode = null)
{
    public static FakeTaskState Running { get; } = new("RUNNING");

    /// <summary>What ECS reports for an image that cannot be pulled: stopped, and the container never ran.</summary>
    public static FakeTaskState ImagePullFailed { get; } = new(
        "STOPPED",
        "TaskFailedToStart",
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/transcoder-job:missing: not found");
}
