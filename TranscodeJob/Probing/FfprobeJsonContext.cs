using System.Text.Json.Serialization;

namespace Transcoder.TranscodeJob.Probing;

// ffprobe prints some numbers as strings ("duration": "4.000000"); reading both keeps the DTOs typed.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FfprobeOutput))]
internal sealed partial class FfprobeJsonContext : JsonSerializerContext;
