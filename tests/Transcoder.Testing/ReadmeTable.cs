using System.Text.RegularExpressions;
using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>A Markdown table of README.md, found by its header line, for tests that hold the README to the code.</summary>
public static partial class ReadmeTable
{
    /// <summary>The cells of each row below <paramref name="header"/> (its separator line skipped), trimmed.</summary>
    public static IReadOnlyList<string[]> Rows(string header)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var start = Array.FindIndex(lines, line => line.Trim() == header);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no table headed '{header}'");
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
