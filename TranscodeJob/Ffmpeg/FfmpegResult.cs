namespace Transcoder.TranscodeJob.Ffmpeg;

/// <param name="StderrTail">The last lines ffmpeg wrote to stderr: its error message when it failed.</param>
public sealed record FfmpegResult(int ExitCode, IReadOnlyList<string> StderrTail)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The tail as one line, for an error message.</summary>
    public string Describe() => StderrTail.Count == 0 ? "no message" : string.Join(" | ", StderrTail);
}
