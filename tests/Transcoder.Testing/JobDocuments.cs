using System.Text.Json;
using Transcoder.Shared.Outputs;

namespace Transcoder.Testing;

/// <summary>
/// manifest.json and failure.json as the job writes them: the contract's own types (Shared/Outputs) written by its
/// own serializer, with the values a test needs. A document the job could not write cannot be made here.
/// </summary>
public static class JobDocuments
{
    /// <summary>A manifest with two renditions (720p, 360p) of a 4-second source for the upload of <paramref name="eTag"/>.</summary>
    /// <param name="formats">Which of hls, dash, mp4 were made.</param>
    public static string Manifest(string eTag, DateTimeOffset completedAt, string? passthrough = null, string formats = "hls,dash,mp4")
    {
        var hls = formats.Contains("hls", StringComparison.Ordinal);
        var dash = formats.Contains("dash", StringComparison.Ordinal);
        var mp4 = formats.Contains("mp4", StringComparison.Ordinal);
        ManifestRendition Rendition(string name, int width, int height) => new(
            name, mp4 ? $"{name}.mp4" : null, hls ? $"{name}.m3u8" : null, $"{name}.cmfv", width, height, "30", 3464032, 6000, 4, 1732016, HasAudio: true);
        var audio = new ManifestAudioRendition(hls ? "audio.m3u8" : null, "audio.cmfa", 128, 2, 65026)
        {
            Name = "audio", SourceIndex = 1, Label = "Audio", Role = "main", IsDefault = true, SourceChannels = 2,
        };
        var manifest = new JobManifest(
            JobManifest.CurrentSchemaVersion,
            "167780bc201910031090fb473882c6a6",
            completedAt,
            new ManifestSource(
                "s3://my-temp-bucket/uploads/my clip.mov",
                $"etag:{eTag};request=3a13f705c842f268",
                eTag,
                null,
                1126773,
                "mov,mp4,m4a,3gp,3g2,mj2",
                4,
                new ManifestVideo("h264", 1920, 1080, 1920, 1080, "1:1", 0, "30", "yuv420p", null),
                [new ManifestAudio(1, "aac", 2, 48000, "und", true)]),
            [Rendition("720p", 1280, 720), Rendition("360p", 640, 360)],
            audio,
            hls ? "master.m3u8" : null,
            dash ? "manifest.mpd" : null,
            new ManifestStoryboard("storyboard.vtt", ["storyboard-000.jpg"], 1, 160, 90, 4, 1, 4),
            new ManifestPoster(ManifestPoster.FileName, 1920, 1080),
            [])
        {
            Passthrough = passthrough,
            AudioTracks = [audio],
        };
        return ManifestJson.Write(manifest with
        {
            Files = [.. FilesOf(manifest).Select(f => new ManifestFile(f, "x", "application/octet-stream", 10))],
        });
    }

    /// <summary>
    /// The manifest of an audio-only upload (a podcast's MP3) of <paramref name="eTag"/>: one audio track, its M4A,
    /// no renditions, no storyboard, and a poster only when it had cover art.
    /// </summary>
    public static string AudioOnlyManifest(string eTag, DateTimeOffset completedAt, bool coverArt)
    {
        var video = JsonSerializer.Deserialize(Manifest(eTag, completedAt), ManifestJsonContext.Default.JobManifest)!;
        var audio = video.Audio! with { File = "audio.m4a", SourceChannels = 1, Channels = 1 };
        var manifest = video with
        {
            Source = video.Source with { Container = "mp3", Video = null, Audio = [new ManifestAudio(0, "mp3", 1, 44100, "eng", true)] },
            Renditions = [],
            Audio = audio,
            AudioTracks = [audio],
            Storyboard = null,
            Poster = coverArt ? new ManifestPoster(ManifestPoster.FileName, 600, 600) : null,
            AudioOnly = true,
        };
        return ManifestJson.Write(manifest with
        {
            Files = [.. FilesOf(manifest).Select(f => new ManifestFile(f, "x", "application/octet-stream", 10))],
        });
    }

    /// <summary>A failure.json for the upload of <paramref name="eTag"/> (null: the job could not read its revision).</summary>
    public static string Failure(string? eTag, DateTimeOffset failedAt, string error) =>
        ManifestJson.Write(new FailureRecord(
            FailureRecord.CurrentSchemaVersion,
            "c0d0f328f28fc6a91b52f57a9e7a7ab9",
            "s3://my-temp-bucket/uploads/my clip.mov",
            eTag is null ? null : $"etag:{eTag}",
            error,
            failedAt));

    /// <summary>The files a manifest names (what a job would have published).</summary>
    public static IEnumerable<string> FilesOf(string manifest) =>
        FilesOf(JsonSerializer.Deserialize(manifest, ManifestJsonContext.Default.JobManifest)!);

    private static IEnumerable<string> FilesOf(JobManifest manifest) =>
        new[] { manifest.Hls, manifest.Dash }.Concat(manifest.Renditions.Select(r => r.File)).Concat(manifest.AudioTracks.Select(a => a.File))
            .Append(manifest.Poster?.File).OfType<string>();
}
