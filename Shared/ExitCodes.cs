namespace Transcoder.Shared;

/// <summary>
/// TranscodeJob's documented exit codes, and the one table (<see cref="FateOf"/>) from an exit code to what happens to
/// the queue message that started the job. The job's lease settles its message by it; the table in docs/job.md and the
/// launchers' logs say the same.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done, already done (the manifest exists for the same source and request), or superseded by a later upload.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error (a bug). Treated like <see cref="Transient"/>: the message is released.</summary>
    public const int Unexpected = 1;

    /// <summary>Usage error: bad or missing options. Nothing was read or written.</summary>
    public const int Usage = 2;

    /// <summary>Bad input, not retryable: not a video or audio file, unreadable, empty, no video or audio stream, no such object.</summary>
    public const int BadInput = 3;

    /// <summary>Transient failure, retryable: network, S3, disk.</summary>
    public const int Transient = 4;

    /// <summary>Stopped by SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), e.g. ECS stopping the task.</summary>
    public const int Terminated = 143;

    /// <summary>A few words on each code above, for help texts (<see cref="HelpLine"/>); a test holds it to the constants.</summary>
    public static IReadOnlyDictionary<int, string> Meanings { get; } = new Dictionary<int, string>
    {
        [Success] = "done, already done or superseded",
        [Unexpected] = "internal error (a bug)",
        [Usage] = "usage error",
        [BadInput] = "bad input",
        [Transient] = "transient failure (retry)",
        [Interrupted] = "interrupted (SIGINT)",
        [Terminated] = "terminated (SIGTERM)",
    };

    /// <summary>One line for a help text, rendered from a program's codes: <c>Exit codes: 0 done; 2 usage error; …</c>.</summary>
    /// <param name="meanings">Each exit code the program uses, with a few words on it.</param>
    public static string HelpLine(IReadOnlyDictionary<int, string> meanings) =>
        "Exit codes: " + string.Join("; ", meanings.OrderBy(m => m.Key).Select(m => $"{m.Key} {m.Value}")) + ".";

    /// <summary>
    /// What happens to the job's message after the job exits with <paramref name="exitCode"/>. A usage error in a
    /// task releases the message although a retry of the same task cannot help: the dispatcher checks every job
    /// option before it starts a task, so a usage error there means a broken deployment (the task definition's
    /// settings), and the message must reach the DLQ for a redrive after the fix rather than be deleted.
    /// </summary>
    public static MessageFate FateOf(int exitCode) => exitCode switch
    {
        Success => MessageFate.Delete,
        BadInput => MessageFate.Delete,
        Usage => MessageFate.ReleaseTowardsDeadLetter,
        _ => MessageFate.Release,
    };
}
