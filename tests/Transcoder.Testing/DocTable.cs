using System.Text.RegularExpressions;
using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>A Markdown table of one of the repository's documents, found by its header line, for tests that hold the docs to the code.</summary>
public static partial class DocTable
{
    /// <summary>The cells of each row below <paramref name="header"/> (its separator line skipped), trimmed.</summary>
    /// <param name="document">The document's path in the repository, such as <c>docs/job.md</c>.</param>
    public static IReadOnlyList<string[]> Rows(string document, string header)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, document));
        var start = Array.FindIndex(lines, line => line.Trim() == header);
        if (start < 0)
        {
            throw new InvalidOperationException($"{document} has no table headed '{header}'");
        }

        return
        [
            .. lines.Skip(start + 2)
                .TakeWhile(line => line.TrimStart().StartsWith('|'))
                .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray()),
        ];
    }

    /// <summary>The setting names (upper-case words in backticks) a cell holds.</summary>
    public static IReadOnlyList<string> Names(string cell) => [.. SettingName().Matches(cell).Select(m => m.Groups[1].Value)];

    /// <summary>A cell's text without its backticks.</summary>
    public static string Plain(string cell) => cell.Replace("`", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex("`([A-Z][A-Z0-9_]+)`")]
    private static partial Regex SettingName();
}
