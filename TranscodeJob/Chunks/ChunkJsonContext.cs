using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>The work area's documents, serialized without reflection (the job is compiled Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(SplitPlan))]
[JsonSerializable(typeof(ChunkPiece))]
[JsonSerializable(typeof(SourcePiece))]
[JsonSerializable(typeof(JobVerdict))]
internal sealed partial class ChunkJsonContext : JsonSerializerContext;
