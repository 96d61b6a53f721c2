namespace Transcoder.TranscodeJob.Manifest;

/// <summary>
/// <c>manifest.json</c>: written last, so its presence means the folder is complete. Its source fingerprint
/// tells a rerun whether the work is already done.
/// </summary>
public sealed record JobManifest(
    int SchemaVersion,
    string JobId,
    DateTimeOffset CompletedAt,
    ManifestSource Source,
    IReadOnlyList<ManifestRendition> Renditions,
    ManifestPoster Poster)
{
    public const string FileName = "manifest.json";
    public const int CurrentSchemaVersion = 1;
}
