using System.Text.Json;

namespace Transcoder.LocalAws.Ecs;

/// <summary>One RunTask request as <see cref="FakeEcs"/> received it.</summary>
/// <param name="ArrivedAt">When it arrived, in <see cref="System.Diagnostics.Stopwatch"/> ticks (for latency figures).</param>
public sealed record RecordedRunTask(int Call, JsonElement Body, string? ContentType, long ArrivedAt)
{
    public string Environment(string name) =>
        Body.GetProperty("overrides").GetProperty("containerOverrides")[0].GetProperty("environment").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;
}
