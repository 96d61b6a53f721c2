namespace Transcoder.Client.Jobs;

/// <summary>The job's <c>failure.json</c>: why it refused the upload.</summary>
/// <param name="Fingerprint">The revision of the upload it refused (<c>etag:…</c>), null when it could not read it.</param>
internal sealed record FailureSummary(int SchemaVersion, string? JobId, string? Source, string? Fingerprint, string Error, DateTimeOffset FailedAt);
