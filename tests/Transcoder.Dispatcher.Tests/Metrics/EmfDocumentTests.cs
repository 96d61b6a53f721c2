using System.Text.Json;
using Transcoder.Dispatcher.Metrics;

namespace Transcoder.Dispatcher.Tests.Metrics;

public sealed class EmfDocumentTests
{
    [Test]
    public void Lines_Snapshot_DeclaresEveryMetricItCarries()
    {
        // Arrange
        var snapshot = new MetricsSnapshot(10, 8, 3, 1, 1, 0, [12.3, 45.6]);

        // Act
        var line = EmfDocument.Lines(snapshot, "Transcoder/Dispatcher", "dispatcher", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)).Single();

        // Assert
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        var declared = directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).ToList();
        Assert.That(root.GetProperty("_aws").GetProperty("Timestamp").GetInt64(), Is.EqualTo(1_700_000_000_000));
        Assert.That(directive.GetProperty("Namespace").GetString(), Is.EqualTo("Transcoder/Dispatcher"));
        Assert.That(declared, Is.EqualTo(new[] { "Received", "Launched", "Throttled", "Failed", "Ignored", "Invalid", "DispatchLatency" }));
        Assert.That(declared.All(name => root.TryGetProperty(name!, out _)), Is.True);
        Assert.That(root.GetProperty("Received").GetInt64(), Is.EqualTo(10));
        Assert.That(root.GetProperty("DispatchLatency").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new[] { 12.3, 45.6 }));
        Assert.That(root.GetProperty("Service").GetString(), Is.EqualTo("dispatcher"));
    }

    [Test]
    public void Lines_ManyLatencies_AtMost100ValuesPerDocument()
    {
        // Arrange
        var snapshot = new MetricsSnapshot(250, 250, 0, 0, 0, 0, Enumerable.Range(0, 250).Select(i => (double)i).ToArray());

        // Act
        var lines = EmfDocument.Lines(snapshot, "ns", "dispatcher", DateTimeOffset.UnixEpoch).ToList();

        // Assert
        var counts = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("DispatchLatency").GetArrayLength());
        Assert.That(counts, Is.EqualTo(new[] { 100, 100, 50 }));
        Assert.That(lines.Count(l => l.Contains("\"Received\":250", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
