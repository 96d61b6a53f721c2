using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Events;

// Source-generated (Native AOT); compact, one line per event, camelCase like manifest.json.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobEvent))]
internal sealed partial class JobEventJsonContext : JsonSerializerContext;
