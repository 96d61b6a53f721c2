namespace Transcoder.Dispatcher.Ecs;

// DescribeTasks: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html (at most 100 tasks).
internal sealed record DescribeTasksRequest(string Cluster, IReadOnlyList<string> Tasks);

internal sealed record DescribeTasksResponse
{
    public IReadOnlyList<EcsTaskDescription>? Tasks { get; init; }

    public IReadOnlyList<EcsFailure>? Failures { get; init; }
}

// stopCode is e.g. TaskFailedToStart, SpotInterruption, EssentialContainerExited; stoppedReason the readable cause
// (CannotPullContainerError: ..., ResourceInitializationError: ...).
internal sealed record EcsTaskDescription(
    string? TaskArn,
    string? LastStatus,
    string? StopCode,
    string? StoppedReason,
    IReadOnlyList<EcsContainerState>? Containers);

// exitCode is absent while the container has not run; reason says why it stopped (OutOfMemoryError, ...).
internal sealed record EcsContainerState(string? Name, int? ExitCode, string? Reason, string? LastStatus);
