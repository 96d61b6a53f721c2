using System.Text.RegularExpressions;
using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Monitoring;

/// <summary>
/// The names of the dispatcher's EMF metrics, read from its source: the Dispatcher is an executable these tests do not
/// reference (its types are internal), and the dashboard must follow a renamed metric, so a rename breaks a test here
/// instead of leaving an empty graph.
/// </summary>
public static partial class DispatcherEmfSource
{
    private static string Dispatcher => Path.Combine(DeployPaths.Root, "Dispatcher");

    /// <summary>The counters of <c>EmfDocument.Counters</c>, in order: <c>("Received", s => s.Received)</c>.</summary>
    public static IReadOnlyList<string> Counters() =>
        [.. CounterEntry().Matches(Read("Metrics", "EmfDocument.cs")).Select(m => m.Groups[1].Value)];

    /// <summary>The metrics written in milliseconds (<c>WriteDefinition(writer, "DispatchLatency", "Milliseconds")</c>).</summary>
    public static IReadOnlyList<string> Latencies() =>
        [.. LatencyDefinition().Matches(Read("Metrics", "EmfDocument.cs")).Select(m => m.Groups[1].Value)];

    /// <summary>The dimension of every document (<c>WriteStringValue("Service")</c> in the dimension set).</summary>
    public static string Dimension() => Single(DimensionName(), Read("Metrics", "EmfDocument.cs"), "the dimension");

    /// <summary>The value of that dimension (<c>ServiceName</c> of <c>EmfMetricsWriter</c>).</summary>
    public static string Service() => Single(ServiceName(), Read("Metrics", "EmfMetricsWriter.cs"), "ServiceName");

    /// <summary>The default namespace (<c>DispatcherDefaults.MetricsNamespace</c>); the stack does not set METRICS_NAMESPACE.</summary>
    public static string DefaultNamespace() => Single(NamespaceDefault(), Read("Options", "DispatcherDefaults.cs"), "MetricsNamespace");

    private static string Read(string folder, string file) => File.ReadAllText(Path.Combine(Dispatcher, folder, file));

    private static string Single(Regex pattern, string source, string what)
    {
        var matches = pattern.Matches(source);
        return matches.Count == 1 ? matches[0].Groups[1].Value : throw new FormatException($"expected one {what} in the dispatcher's source, found {matches.Count}");
    }

    [GeneratedRegex("""\("([A-Za-z]+)", s => s\.[A-Za-z]+\)""")]
    private static partial Regex CounterEntry();

    [GeneratedRegex("""WriteDefinition\(writer, "([A-Za-z]+)", "Milliseconds"\)""")]
    private static partial Regex LatencyDefinition();

    [GeneratedRegex("""WriteStartArray\("Dimensions"\);\s*writer\.WriteStartArray\(\);\s*writer\.WriteStringValue\("([A-Za-z]+)"\);""")]
    private static partial Regex DimensionName();

    [GeneratedRegex("""const string ServiceName = "([^"]+)";""")]
    private static partial Regex ServiceName();

    [GeneratedRegex("""const string MetricsNamespace = "([^"]+)";""")]
    private static partial Regex NamespaceDefault();
}
