using System.Text.Encodings.Web;
using System.Text.Json;

namespace Transcoder.TranscodeJob.Manifest;

internal static class ManifestJson
{
    /// <summary>
    /// Source-generated, indented, and without the HTML-safe escaping (a '+' in a timestamp stays '+'): people
    /// read manifests, no browser parses them as HTML.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(ManifestJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
