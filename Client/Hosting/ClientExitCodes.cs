using Transcoder.Shared;

namespace Transcoder.Client.Hosting;

/// <summary>
/// The client's exit codes (docs/client.md's table, held to these by a test). Where the meaning is the job's, the number is the job's: 2 usage,
/// 3 the video was refused, 4 a failure worth retrying, 130/143 interrupted.
/// </summary>
internal static class ClientExitCodes
{
    /// <summary>Uploaded; the job is done; the URLs are printed.</summary>
    public const int Success = ExitCodes.Success;

    /// <summary>A bug: an error the client did not expect.</summary>
    public const int Unexpected = ExitCodes.Unexpected;

    /// <summary>Bad options, settings, file or metadata: nothing was sent.</summary>
    public const int Usage = ExitCodes.Usage;

    /// <summary>The job refused the video: <c>failure.json</c> says why, and a retry of the same file cannot help.</summary>
    public const int JobFailed = ExitCodes.BadInput;

    /// <summary>S3 or the network failed or refused a request; nothing half-written is left behind.</summary>
    public const int Transient = ExitCodes.Transient;

    /// <summary>Not yet: no <c>manifest.json</c> or <c>failure.json</c> for the upload (or <c>--wait</c> timed out).</summary>
    public const int NotYet = 5;

    /// <summary>Ctrl-C (SIGINT); a multipart upload in progress was aborted.</summary>
    public const int Interrupted = ExitCodes.Interrupted;

    /// <summary>SIGTERM; a multipart upload in progress was aborted.</summary>
    public const int Terminated = ExitCodes.Terminated;

    /// <summary>A few words on each code above, for the help text; a test holds it to the constants.</summary>
    public static IReadOnlyDictionary<int, string> Meanings { get; } = new Dictionary<int, string>
    {
        [Success] = "done",
        [Unexpected] = "bug",
        [Usage] = "usage error (nothing sent)",
        [JobFailed] = "the job refused the video",
        [Transient] = "S3 or network failure",
        [NotYet] = "not finished yet",
        [Interrupted] = "interrupted (SIGINT)",
        [Terminated] = "terminated (SIGTERM)",
    };
}
