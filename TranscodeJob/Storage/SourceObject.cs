namespace Transcoder.TranscodeJob.Storage;

/// <summary>
/// What the job knows about its source before downloading it.
/// </summary>
/// <param name="Fingerprint">
/// Identifies this version of the source: the ETag in S3 (plus the version id when the bucket is versioned),
/// size and modification time for a local file. A manifest with the same fingerprint means "already done".
/// </param>
/// <param name="DefaultJobId">The job id used when none was given (see <see cref="Shared.JobId"/>).</param>
public sealed record SourceObject(
    string Uri,
    string Fingerprint,
    string DefaultJobId,
    long Size,
    string? ETag,
    string? VersionId,
    DateTimeOffset? LastModified);
