namespace Transcoder.Client.Uploading;

/// <summary>What S3 answered to a PUT of an object or a part.</summary>
/// <param name="ETag">The ETag, quotes removed.</param>
/// <param name="VersionId">The version id in a versioned bucket, else null.</param>
internal sealed record PutResponse(string ETag, string? VersionId);
