using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>One metric line of a dashboard graph, with its widget's defaults applied.</summary>
/// <param name="Stat">The line's statistic (<c>Sum</c>, <c>p99</c>, ...), or the widget's.</param>
public sealed record DashboardMetric(string Widget, string Region, string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions, string? Stat)
{
    /// <summary>
    /// Every metric line of every metric widget of a dashboard body: <c>[namespace, name, dim, value, ..., {options}]</c>,
    /// where <c>"."</c> repeats the previous line's item at the same place (CloudWatch's shorthand). Expression lines
    /// (<c>[{"expression": ...}]</c>) name no metric and are left out.
    /// </summary>
    public static IReadOnlyList<DashboardMetric> AllIn(JsonNode body)
    {
        var metrics = new List<DashboardMetric>();
        foreach (var widget in (body["widgets"] as JsonArray ?? []).OfType<JsonObject>().Where(w => (string?)w["type"] == "metric"))
        {
            var properties = widget["properties"];
            var title = (string?)properties?["title"] ?? string.Empty;
            var previous = Array.Empty<string>();
            foreach (var line in (properties?["metrics"] as JsonArray ?? []).OfType<JsonArray>())
            {
                var items = line.Where(i => i is JsonValue).Select(i => (string?)i ?? string.Empty).ToArray();
                if (items.Length < 2)
                {
                    continue;
                }

                items = [.. items.Select((item, i) => item == "." && i < previous.Length ? previous[i] : item)];
                previous = items;
                var options = line.OfType<JsonObject>().SingleOrDefault();
                var dimensions = items.Skip(2).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
                metrics.Add(new DashboardMetric(
                    title,
                    (string?)options?["region"] ?? (string?)properties?["region"] ?? string.Empty,
                    items[0],
                    items[1],
                    dimensions,
                    (string?)options?["stat"] ?? (string?)properties?["stat"]));
            }
        }

        return metrics;
    }
}
