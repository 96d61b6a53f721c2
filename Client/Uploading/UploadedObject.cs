using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Uploading;

/// <summary>An object the client put in the temp bucket.</summary>
/// <param name="ETag">S3's ETag, quotes removed (an MD5 for one PUT, <c>…-N</c> for N parts).</param>
/// <param name="VersionId">The version id in a versioned bucket, else null.</param>
/// <param name="Parts">1 for a single PUT, else the number of parts.</param>
internal sealed record UploadedObject(string Bucket, string Key, long Size, string ETag, string? VersionId, int Parts)
{
    /// <summary>Which upload of the key this is, as the job records it in its manifest and failure.json.</summary>
    public SourceRevision Revision => SourceRevision.Of(VersionId, ETag)
        ?? throw new InvalidOperationException("an upload always has an ETag");
}
