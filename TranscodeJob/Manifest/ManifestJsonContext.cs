using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Manifest;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobManifest))]
[JsonSerializable(typeof(FailureRecord))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
