using Amazon.Runtime;
using Transcoder.Client.Aws;
using Transcoder.Client.Uploading;
using Transcoder.Shared.Hosting;

namespace Transcoder.Client.Hosting;

/// <summary>Every way a command can fail, as its exit code and <c>error:</c> lines (never a stack trace).</summary>
internal static class ErrorLines
{
    public static (int ExitCode, IReadOnlyList<string> Lines) For(Exception exception, ProcessSignals interruption)
    {
        if (exception is UsageException usage)
        {
            return (ClientExitCodes.Usage, [.. usage.Problems.Select(p => $"error: {p}")]);
        }

        if (interruption.Token.IsCancellationRequested)
        {
            // A multipart upload was aborted on the way out; an UploadFailedException says when that failed.
            var detail = exception is UploadFailedException failed ? failed.Message : "nothing was left half-written";
            return (interruption.ExitCode, [$"error: interrupted; {detail}"]);
        }

        return exception switch
        {
            AmazonServiceException service => (ClientExitCodes.Transient, [$"error: S3 refused the request: {service.ErrorCode ?? service.StatusCode.ToString()}: {service.Message}"]),
            AmazonClientException client => (ClientExitCodes.Transient, [$"error: {client.Message}"]),
            PresignedRequestException or UploadFailedException => (ClientExitCodes.Transient, [$"error: {exception.Message}"]),
            HttpRequestException network => (ClientExitCodes.Transient, [$"error: network: {Innermost(network)}"]),
            InvalidDataException data => (ClientExitCodes.Transient, [$"error: {data.Message}"]),
            IOException io => (ClientExitCodes.Transient, [$"error: {io.Message}"]),
            _ => (ClientExitCodes.Unexpected, [$"error: unexpected {exception.GetType().Name}: {exception.Message} (a bug: please report it)"]),
        };
    }

    // HttpClient's own message ("Error while copying content to a stream") hides the cause (a reset connection).
    private static string Innermost(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} ({Innermost(inner)})" : exception.Message;
}
