using System.Text.Json;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>One RunTask request as <see cref="FakeEcs"/> received it.</summary>
internal sealed record RecordedRunTask(int Call, JsonElement Body, string? ContentType)
{
    public string Environment(string name) =>
        Body.GetProperty("overrides").GetProperty("containerOverrides")[0].GetProperty("environment").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;
}
