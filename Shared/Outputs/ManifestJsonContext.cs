using System.Text.Json.Serialization;

namespace Transcoder.Shared.Outputs;

/// <summary>
/// The source-generated (Native AOT) serializer of <c>manifest.json</c> and <c>failure.json</c>: camelCase names,
/// indented, every property written (null included). Readers ignore properties they do not know, so a document with
/// more fields still reads.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JobManifest))]
[JsonSerializable(typeof(FailureRecord))]
public sealed partial class ManifestJsonContext : JsonSerializerContext;
