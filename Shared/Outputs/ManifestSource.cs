namespace Transcoder.Shared.Outputs;

/// <summary>The source of a <see cref="JobManifest"/>: which upload it was and what the probe found in it.</summary>
/// <param name="Uri">The source as <c>s3://bucket/key</c> or a local path.</param>
/// <param name="Fingerprint">The upload's revision (<c>version:…</c>, <c>etag:…</c>, <c>file:size@ticks</c>) and a digest of what was asked.</param>
/// <param name="ETag">The object's ETag in S3; null for a local file.</param>
/// <param name="VersionId">The object's version id in a versioned bucket; null otherwise.</param>
/// <param name="Size">The source's size in bytes.</param>
/// <param name="Container">The container as ffprobe names it (<c>mov,mp4,m4a,3gp,3g2,mj2</c>).</param>
/// <param name="DurationSeconds">The real duration, from the media's packets.</param>
/// <param name="Video">The video stream that was transcoded; null for an audio-only source.</param>
/// <param name="Audio">Every audio stream of the source.</param>
/// <param name="DeclaredDurationSeconds">What the header claimed, when it claimed anything plausible.</param>
public sealed record ManifestSource(
    string Uri,
    string Fingerprint,
    string? ETag,
    string? VersionId,
    long Size,
    string Container,
    double DurationSeconds,
    ManifestVideo? Video,
    IReadOnlyList<ManifestAudio> Audio,
    double? DeclaredDurationSeconds = null);
