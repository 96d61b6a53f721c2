using System.Text.Json.Serialization;

namespace Transcoder.Dispatcher.Ecs;

// Source-generated (trimming and Native AOT need no reflection); ECS's JSON names are camelCase.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RunTaskRequest))]
[JsonSerializable(typeof(RunTaskResponse))]
[JsonSerializable(typeof(EcsErrorBody))]
[JsonSerializable(typeof(DescribeTasksRequest))]
[JsonSerializable(typeof(DescribeTasksResponse))]
internal sealed partial class EcsJsonContext : JsonSerializerContext;
