using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>What the job knows about its source before downloading it.</summary>
/// <param name="Revision">
/// Which upload this is, by the one rule of <see cref="SourceRevision.Of"/> (version id, else ETag) in S3, size and
/// modification time for a local file. It names the job and starts the manifest's fingerprint.
/// </param>
internal sealed record SourceObject(
    string Uri,
    SourceRevision Revision,
    long Size,
    string? ETag,
    string? VersionId,
    DateTimeOffset? LastModified)
{
    /// <summary>What the uploader asked for in the object's metadata; none for a local file.</summary>
    public UploadOptions UploadOptions { get; init; } = UploadOptions.None;
}
