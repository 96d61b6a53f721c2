namespace Transcoder.TranscodeJob.Manifest;

/// <param name="Fingerprint">ETag (+ version id) in S3, size and modification time for a local file.</param>
/// <param name="DurationSeconds">The real duration, from the media's packets.</param>
/// <param name="DeclaredDurationSeconds">What the header claimed, when it claimed anything plausible.</param>
public sealed record ManifestSource(
    string Uri,
    string Fingerprint,
    string? ETag,
    string? VersionId,
    long Size,
    string Container,
    double DurationSeconds,
    ManifestVideo Video,
    IReadOnlyList<ManifestAudio> Audio,
    double? DeclaredDurationSeconds = null);
