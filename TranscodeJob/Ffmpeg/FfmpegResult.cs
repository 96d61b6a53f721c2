namespace Transcoder.TranscodeJob.Ffmpeg;

/// <param name="StderrTail">The last lines ffmpeg wrote to stderr: its error message when it failed.</param>
internal sealed record FfmpegResult(int ExitCode, IReadOnlyList<string> StderrTail)
{
    /// <summary>
    /// The first error-level lines, however long the run: a decoder that refused a picture over the pixel limit at
    /// the start of a long encode says so once, and the tail has long forgotten it by the end.
    /// </summary>
    public IReadOnlyList<string> FirstErrors { get; init; } = [];

    public bool Succeeded => ExitCode == 0;

    /// <summary>
    /// Killed by a signal (the OOM killer's SIGKILL, a SIGSEGV): the machine's trouble or a crash, never proof that the
    /// input is bad, so always worth a retry. .NET reports 128 + the signal's number; a negative code is a crash too.
    /// </summary>
    public bool EndedBySignal => ExitCode is < 0 or > 128;

    /// <summary>The tail as one line, for an error message.</summary>
    public string Describe() => StderrTail.Count == 0 ? "no message" : string.Join(" | ", StderrTail);
}
