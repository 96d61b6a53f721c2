namespace Transcoder.Dispatcher.Ecs;

// RunTask's response: the tasks started and, for those that could not be, a failure each (capacity, ENI, ...).
public sealed record RunTaskResponse
{
    public IReadOnlyList<EcsTask>? Tasks { get; init; }

    public IReadOnlyList<EcsFailure>? Failures { get; init; }
}

public sealed record EcsTask(string? TaskArn, string? LastStatus);

public sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

// The JSON protocol's error body: {"__type": "...#ThrottlingException", "message": "..."}.
public sealed record EcsErrorBody
{
    [System.Text.Json.Serialization.JsonPropertyName("__type")]
    public string? Type { get; init; }

    public string? Message { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("Message")]
    public string? MessageUpper { get; init; }
}
