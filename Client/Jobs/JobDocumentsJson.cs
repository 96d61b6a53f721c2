using System.Text.Json.Serialization;

namespace Transcoder.Client.Jobs;

/// <summary>The job's JSON documents as it writes them: camelCase names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ManifestSummary))]
[JsonSerializable(typeof(FailureSummary))]
internal sealed partial class JobDocumentsJson : JsonSerializerContext;
