using System.Text.Json;
using Json.Schema;
using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>
/// The JSON Schemas of the job's documents (docs/schemas/), loaded once, and the check that a document meets one:
/// tests run real job output through it.
/// </summary>
public static class OutputSchemas
{
    public const string ManifestFile = "manifest.schema.json";
    public const string FailureFile = "failure.schema.json";
    public const string JobEventFile = "job-event.schema.json";

    // The event's schema refers to the manifest's by its file name (its files list), so the manifest's is registered
    // first. Each gets a base URI of its name under one made-up https folder: the schemas carry no $id (they are not
    // published anywhere), and JsonSchema.Net 8.0.5 loses a reference's fragment under file:// base URIs.
    private static readonly Uri Base = new("https://transcoder.invalid/schemas/");

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Loaded = new(() =>
        new[] { ManifestFile, FailureFile, JobEventFile }.ToDictionary(
            name => name, name => JsonSchema.FromText(File.ReadAllText(PathOf(name)), baseUri: new Uri(Base, name))));

    public static string Folder => Path.Combine(RepoPaths.Root, "docs", "schemas");

    public static string PathOf(string schemaFile) => Path.Combine(Folder, schemaFile);

    /// <summary>Every way <paramref name="json"/> fails <paramref name="schemaFile"/>, one line each; empty when it is valid.</summary>
    /// <remarks>Assert it is empty; the message of a failing assertion lists what is wrong and where.</remarks>
    public static IReadOnlyList<string> Problems(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Loaded.Value[schemaFile].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Append(results)
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
                .Distinct()];
    }
}
