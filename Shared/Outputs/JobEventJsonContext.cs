using System.Text.Json.Serialization;

namespace Transcoder.Shared.Outputs;

/// <summary>
/// The source-generated (Native AOT) serializer of <see cref="JobEvent"/>: compact, one line per event, camelCase
/// like <c>manifest.json</c>, every property written (null included).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobEvent))]
public sealed partial class JobEventJsonContext : JsonSerializerContext;
