using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Docs;

/// <summary>deploy/README.md, for tests that hold the deploy guide to the stack and the code.</summary>
public static class DeployGuide
{
    public static string Path => System.IO.Path.Combine(DeployPaths.Root, "deploy", "README.md");

    public static string Text() => File.ReadAllText(Path);

    /// <summary>The cells of each row of the Markdown table below <paramref name="header"/> (its separator line skipped), trimmed.</summary>
    public static IReadOnlyList<string[]> TableRows(string header)
    {
        var lines = File.ReadAllLines(Path);
        var start = Array.FindIndex(lines, line => line.Trim() == header);
        if (start < 0)
        {
            throw new InvalidOperationException($"deploy/README.md has no table headed '{header}'");
        }

        return
        [
            .. lines.Skip(start + 2)
                .TakeWhile(line => line.TrimStart().StartsWith('|'))
                .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray()),
        ];
    }

    /// <summary>A cell's text without its backticks.</summary>
    public static string Plain(string cell) => cell.Replace("`", "", StringComparison.Ordinal).Trim();
}
