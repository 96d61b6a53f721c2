namespace Transcoder.TranscodeJob.Errors;

/// <summary>Bad or missing options (exit code 2). Holds every problem found, not just the first.</summary>
internal sealed class UsageException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
