namespace Transcoder.TranscodeJob.Manifest;

/// <param name="Fingerprint">The upload's revision and a digest of what was asked (see <see cref="ManifestFingerprint"/>).</param>
/// <param name="DurationSeconds">The real duration, from the media's packets.</param>
/// <param name="DeclaredDurationSeconds">What the header claimed, when it claimed anything plausible.</param>
internal sealed record ManifestSource(
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
