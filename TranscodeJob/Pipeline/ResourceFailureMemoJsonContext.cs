using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Pipeline;

[JsonSerializable(typeof(ResourceFailureMemo.Memo))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ResourceFailureMemoJsonContext : JsonSerializerContext;
