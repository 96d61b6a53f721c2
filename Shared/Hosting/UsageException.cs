namespace Transcoder.Shared.Hosting;

/// <summary>
/// Bad or missing options or settings (exit code 2), holding every problem found, not just the first: the program's
/// edge prints one <c>error:</c> line for each.
/// </summary>
/// <param name="problems">One line each.</param>
public sealed class UsageException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
