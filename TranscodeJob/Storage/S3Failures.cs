using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>
/// Turns what the AWS SDK throws (after its own retries) into a <see cref="JobException"/> that says whether
/// trying again can help.
/// </summary>
internal static class S3Failures
{
    public static bool IsNotFound(Exception exception) =>
        exception is AmazonServiceException { StatusCode: HttpStatusCode.NotFound }
        || exception is AmazonServiceException { ErrorCode: "NoSuchKey" or "NoSuchBucket" or "NotFound" };

    /// <summary>Null when the exception is not a storage failure (a bug, or cancellation): let it travel.</summary>
    /// <param name="missingIsBadInput">
    /// True for the source: a missing object is bad input. False for outputs: a missing output bucket is a
    /// deployment problem, and the message should go back to the queue (and on to the DLQ), not be dropped.
    /// </param>
    public static JobException? Classify(Exception exception, string what, bool missingIsBadInput = true) => exception switch
    {
        _ when IsNotFound(exception) && missingIsBadInput => JobException.BadInput($"{what} does not exist", exception),
        _ when IsNotFound(exception) => JobException.Transient($"{what}: bucket does not exist", exception),
        AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } service =>
            JobException.Transient($"access denied to {what} ({service.ErrorCode}); check the task role", exception),
        AmazonServiceException service =>
            JobException.Transient($"S3 failed on {what}: {(int)service.StatusCode} {service.ErrorCode} {service.Message}".TrimEnd(), exception),
        AmazonClientException or HttpRequestException or SocketException or IOException =>
            JobException.Transient($"could not reach S3 for {what}: {exception.Message}", exception),
        TimeoutException => JobException.Transient($"S3 timed out on {what}", exception),
        _ => null,
    };
}
