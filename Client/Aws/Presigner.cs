using Amazon.S3;
using Amazon.S3.Model;

namespace Transcoder.Client.Aws;

/// <summary>
/// Presigned URLs (SigV4 in the query string), made with the SDK's <c>GetPreSignedURLAsync</c> from the caller's
/// credentials: what a web backend hands a browser. Whoever holds the URL can make exactly that request until it
/// expires, and nothing else: the headers named in <c>X-Amz-SignedHeaders</c> must be sent with the signed values.
/// </summary>
internal sealed class Presigner(IAmazonS3 s3, TimeProvider time)
{
    /// <summary>A PUT of <paramref name="key"/> whose signature covers <paramref name="metadata"/> (sent as x-amz-meta-* headers).</summary>
    public Task<string> PutObjectAsync(string bucket, string key, IReadOnlyDictionary<string, string> metadata, TimeSpan validFor)
    {
        var request = Request(bucket, key, HttpVerb.PUT, validFor);
        foreach (var (name, value) in metadata)
        {
            request.Metadata[name] = value;
        }

        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>A PUT of part <paramref name="partNumber"/> of the multipart upload <paramref name="uploadId"/>.</summary>
    public Task<string> UploadPartAsync(string bucket, string key, string uploadId, int partNumber, TimeSpan validFor)
    {
        var request = Request(bucket, key, HttpVerb.PUT, validFor);
        request.UploadId = uploadId;
        request.PartNumber = partNumber;
        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>A GET of <paramref name="key"/>.</summary>
    public Task<string> GetObjectAsync(string bucket, string key, TimeSpan validFor) =>
        s3.GetPreSignedURLAsync(Request(bucket, key, HttpVerb.GET, validFor));

    private GetPreSignedUrlRequest Request(string bucket, string key, HttpVerb verb, TimeSpan validFor) => new()
    {
        BucketName = bucket,
        Key = key,
        Verb = verb,
        Expires = time.GetUtcNow().UtcDateTime + validFor,
        // The SDK writes https:// unless told otherwise, whatever the endpoint; an emulator on loopback speaks http.
        Protocol = s3.Config.ServiceURL is { } service && service.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
    };
}
