namespace Transcoder.Dispatcher.Ecs;

// RunTask's response: the tasks started and, for those that could not be, a failure each (capacity, ENI, ...).
internal sealed record RunTaskResponse
{
    public IReadOnlyList<EcsTask>? Tasks { get; init; }

    public IReadOnlyList<EcsFailure>? Failures { get; init; }
}

internal sealed record EcsTask(string? TaskArn, string? LastStatus);

internal sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

// The JSON protocol's error body: {"__type": "...#ThrottlingException", "message": "..."}.
internal sealed record EcsErrorBody
{
    [System.Text.Json.Serialization.JsonPropertyName("__type")]
    public string? Type { get; init; }

    public string? Message { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("Message")]
    public string? MessageUpper { get; init; }
}
