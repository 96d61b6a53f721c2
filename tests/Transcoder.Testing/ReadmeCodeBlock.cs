using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>A fenced code block of README.md, for tests that use the README's own examples (its JSON shapes, say).</summary>
public static class ReadmeCodeBlock
{
    /// <summary>The text of the first <paramref name="language"/> block after the line <paramref name="heading"/>.</summary>
    public static string After(string heading, string language)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var start = Array.FindIndex(lines, line => line.Trim() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no line '{heading}'");
        }

        var open = Array.FindIndex(lines, start, line => line.Trim() == "```" + language);
        var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, line => line.Trim() == "```");
        if (close < 0)
        {
            throw new InvalidOperationException($"README.md has no ```{language} block after '{heading}'");
        }

        return string.Join('\n', lines[(open + 1)..close]);
    }
}
