namespace Transcoder.Client.Jobs;

/// <summary>
/// The parts of the job's <c>manifest.json</c> (README, "manifest.json") that the client shows and links to. Fields
/// it does not name are ignored, so a later schema with more of them still reads.
/// </summary>
internal sealed record ManifestSummary(
    int SchemaVersion,
    string JobId,
    DateTimeOffset CompletedAt,
    ManifestSourceSummary Source,
    IReadOnlyList<ManifestRenditionSummary> Renditions,
    string? Hls,
    string? Dash,
    ManifestPosterSummary? Poster,
    IReadOnlyList<ManifestFileSummary> Files,
    string? Passthrough);

/// <param name="Fingerprint">The upload's revision (<c>etag:…</c>, <c>version:…</c>) and a digest of what was asked.</param>
internal sealed record ManifestSourceSummary(string Uri, string? Fingerprint, string? ETag, string? VersionId, double DurationSeconds);

/// <param name="File">The progressive MP4, null without the mp4 format.</param>
/// <param name="Bitrate">The video track's measured average, bits per second.</param>
internal sealed record ManifestRenditionSummary(string Name, string? File, string? Playlist, int Width, int Height, long Bitrate);

internal sealed record ManifestPosterSummary(string File, int Width, int Height);

internal sealed record ManifestFileSummary(string File, string Role, string? ContentType, long Size);
