namespace Transcoder.TranscodeJob.Manifest;

/// <param name="Fingerprint">ETag (+ version id) in S3, size and modification time for a local file.</param>
public sealed record ManifestSource(
    string Uri,
    string Fingerprint,
    string? ETag,
    string? VersionId,
    long Size,
    string Container,
    double DurationSeconds,
    ManifestVideo Video,
    IReadOnlyList<ManifestAudio> Audio);
