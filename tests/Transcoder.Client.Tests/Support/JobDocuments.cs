using System.Text.Json.Nodes;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Support;

/// <summary>
/// manifest.json and failure.json as the job writes them, made from the README's own examples (so the client is
/// tested against the documented shapes) with the fields a test needs changed.
/// </summary>
public static class JobDocuments
{
    /// <summary>The README's manifest with two renditions (720p, 360p) for the upload of <paramref name="eTag"/>.</summary>
    /// <param name="formats">Which of hls, dash, mp4 were made.</param>
    public static string Manifest(string eTag, DateTimeOffset completedAt, string? passthrough = null, string formats = "hls,dash,mp4")
    {
        var manifest = JsonNode.Parse(ReadmeCodeBlock.After("#### manifest.json", "json"))!.AsObject();
        var hls = formats.Contains("hls", StringComparison.Ordinal);
        var mp4 = formats.Contains("mp4", StringComparison.Ordinal);
        manifest["completedAt"] = completedAt.ToString("O");
        manifest["source"]!["eTag"] = eTag;
        manifest["source"]!["fingerprint"] = $"etag:{eTag};request=3a13f705c842f268";
        manifest["hls"] = hls ? "master.m3u8" : null;
        manifest["dash"] = formats.Contains("dash", StringComparison.Ordinal) ? "manifest.mpd" : null;
        manifest["passthrough"] = passthrough;
        var template = manifest["renditions"]![0]!.ToJsonString();
        var renditions = new JsonArray();
        foreach (var (name, width, height) in new[] { ("720p", 1280, 720), ("360p", 640, 360) })
        {
            var rendition = JsonNode.Parse(template)!.AsObject();
            rendition["name"] = name;
            rendition["file"] = mp4 ? $"{name}.mp4" : null;
            rendition["playlist"] = hls ? $"{name}.m3u8" : null;
            rendition["track"] = $"{name}.cmfv";
            (rendition["width"], rendition["height"]) = (width, height);
            renditions.Add(rendition);
        }

        manifest["renditions"] = renditions;
        manifest["files"] = new JsonArray([.. FilesOf(manifest).Select(f => JsonNode.Parse($$"""{ "file": "{{f}}", "role": "x", "contentType": "application/octet-stream", "size": 10 }"""))]);
        return manifest.ToJsonString();
    }

    /// <summary>The README's failure.json for the upload of <paramref name="eTag"/> (null: the job could not read its revision).</summary>
    public static string Failure(string? eTag, DateTimeOffset failedAt, string error)
    {
        var failure = JsonNode.Parse(ReadmeCodeBlock.After("#### failure.json", "json"))!.AsObject();
        failure["fingerprint"] = eTag is null ? null : $"etag:{eTag}";
        failure["failedAt"] = failedAt.ToString("O");
        failure["error"] = error;
        return failure.ToJsonString();
    }

    /// <summary>The files a manifest names (what a job would have published).</summary>
    public static IEnumerable<string> FilesOf(JsonObject manifest)
    {
        foreach (var name in new[] { "hls", "dash" })
        {
            if (manifest[name]?.GetValue<string>() is { } file)
            {
                yield return file;
            }
        }

        foreach (var rendition in manifest["renditions"]!.AsArray())
        {
            if (rendition!["file"]?.GetValue<string>() is { } file)
            {
                yield return file;
            }
        }

        yield return "poster.jpg";
    }
}
