using Transcoder.Client.Aws;
using Transcoder.Shared;

namespace Transcoder.Client.Uploading;

/// <summary>A file up to the multipart threshold: one presigned PUT whose signature covers the metadata headers.</summary>
internal sealed class SinglePutUpload(Presigner presigner, PresignedPut put, UploadTuning tuning)
{
    public async Task<UploadedObject> RunAsync(
        string path, long size, string bucket, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        // Exactly the signed x-amz-meta-* headers: S3 refuses the PUT when one is missing or differs.
        var headers = metadata.ToDictionary(m => UploadMetadata.Header(m.Key), m => m.Value, StringComparer.Ordinal);
        var response = await put.SendAsync(
            () => presigner.PutObjectAsync(bucket, key, metadata, tuning.UrlLifetime),
            path,
            new FilePart(1, 0, size),
            headers,
            "the file",
            cancellationToken);
        return new UploadedObject(bucket, key, size, response.ETag, response.VersionId, 1);
    }
}
