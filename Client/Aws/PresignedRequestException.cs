using System.Net;

namespace Transcoder.Client.Aws;

/// <summary>S3 refused or failed a request made with a presigned URL.</summary>
internal sealed class PresignedRequestException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>
    /// Worth another try: S3's 5xx (InternalError, SlowDown) and 429. A 4xx other than 429 is a refusal (a bad or
    /// expired signature, no such bucket) that the same request meets again.
    /// </summary>
    public static bool IsRetryable(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
}
