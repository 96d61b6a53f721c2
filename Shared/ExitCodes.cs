namespace Transcoder.Shared;

/// <summary>
/// TranscodeJob's documented exit codes. The dispatcher, the local launcher and operators read them to decide
/// whether a retry can help.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done, or already done (the manifest exists for the same source).</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug). Treated like <see cref="Transient"/>: the message is released.</summary>
    public const int Unexpected = 1;

    /// <summary>Usage error: bad or missing options. Nothing was read or written.</summary>
    public const int Usage = 2;

    /// <summary>Bad input, not retryable: not a video, unreadable, empty, no video stream, no such object.</summary>
    public const int BadInput = 3;

    /// <summary>Transient failure, retryable: network, S3, disk.</summary>
    public const int Transient = 4;

    /// <summary>Stopped by SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), e.g. ECS stopping the task.</summary>
    public const int Terminated = 143;

    /// <summary>Whether a job that ended with <paramref name="exitCode"/> should be tried again.</summary>
    public static bool IsRetryable(int exitCode) => exitCode is not (Success or Usage or BadInput);
}
