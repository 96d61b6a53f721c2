namespace Transcoder.Client.Settings;

/// <summary>Bad options or settings, every one found: the client prints one <c>error:</c> line each and exits 2.</summary>
internal sealed class UsageException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
