using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Manifest;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobManifest))]
[JsonSerializable(typeof(FailureRecord))]
public sealed partial class ManifestJsonContext : JsonSerializerContext;
