using System.Text.Encodings.Web;
using System.Text.Json;

namespace Transcoder.Shared.Outputs;

/// <summary>How <c>manifest.json</c> and <c>failure.json</c> are written.</summary>
public static class ManifestJson
{
    /// <summary>
    /// Source-generated, indented, and without the HTML-safe escaping (a '+' in a timestamp stays '+'): people
    /// read manifests, no browser parses them as HTML.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(ManifestJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of <paramref name="manifest"/> as the job writes it.</summary>
    public static string Write(JobManifest manifest) => JsonSerializer.Serialize(manifest, Options.GetTypeInfo(typeof(JobManifest)));

    /// <summary>The text of <paramref name="failure"/> as the job writes it.</summary>
    public static string Write(FailureRecord failure) => JsonSerializer.Serialize(failure, Options.GetTypeInfo(typeof(FailureRecord)));
}
