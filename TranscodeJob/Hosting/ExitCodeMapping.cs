using Amazon.Runtime;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>The one place where a failure becomes a documented exit code and the line printed on stderr.</summary>
internal static class ExitCodeMapping
{
    /// <param name="stopping">Cancelled when a signal asked the job to stop.</param>
    /// <param name="signalExitCode">130 for SIGINT, 143 for SIGTERM.</param>
    public static (int ExitCode, string Line) For(Exception exception, CancellationToken stopping, int signalExitCode)
    {
        var (exitCode, line) = exception switch
        {
            JobException failure => (failure.IsRetryable ? ExitCodes.Transient : ExitCodes.BadInput, failure.Message),
            OperationCanceledException when stopping.IsCancellationRequested => (signalExitCode, "stopped by a signal"),
            // Configuration the SDK rejects before or outside a storage call (no region, no credentials).
            AmazonClientException or AmazonServiceException => (ExitCodes.Transient, $"AWS: {exception.Message}"),
            _ => (ExitCodes.Unexpected, $"unexpected {exception.GetType().Name}: {exception.Message}"),
        };

        // One line, whatever the message held.
        return (exitCode, "error: " + string.Join(' ', line.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }
}
