namespace Transcoder.TranscodeJob.Manifest;

/// <summary>
/// <c>manifest.json</c>: written last, so its presence means the folder is complete. Its source fingerprint
/// tells a rerun whether the work is already done.
/// </summary>
/// <param name="Hls">The HLS master playlist, when HLS was asked for.</param>
/// <param name="Dash">The DASH MPD, when DASH was asked for.</param>
/// <param name="Files">Every published file but this one, with its role, Content-Type and size.</param>
internal sealed record JobManifest(
    int SchemaVersion,
    string JobId,
    DateTimeOffset CompletedAt,
    ManifestSource Source,
    IReadOnlyList<ManifestRendition> Renditions,
    ManifestAudioRendition? Audio,
    string? Hls,
    string? Dash,
    ManifestStoryboard Storyboard,
    ManifestPoster Poster,
    IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The uploader's own text (<c>PASSTHROUGH</c>), unchanged; absent when none was given.</summary>
    public string? Passthrough { get; init; }

    /// <summary>2: CMAF tracks, HLS/DASH, storyboard and the files list.</summary>
    public const int CurrentSchemaVersion = 2;
}
