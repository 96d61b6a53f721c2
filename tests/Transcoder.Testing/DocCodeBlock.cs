using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>A fenced code block of one of the repository's documents, for tests that hold its examples to the code.</summary>
public static class DocCodeBlock
{
    /// <summary>The text of the first <paramref name="language"/> block after the line <paramref name="heading"/>.</summary>
    /// <param name="document">The document's path in the repository, such as <c>docs/outputs.md</c>.</param>
    public static string After(string document, string heading, string language)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, document));
        var start = Array.FindIndex(lines, line => line.Trim() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"{document} has no line '{heading}'");
        }

        var open = Array.FindIndex(lines, start, line => line.Trim() == "```" + language);
        var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, line => line.Trim() == "```");
        if (close < 0)
        {
            throw new InvalidOperationException($"{document} has no ```{language} block after '{heading}'");
        }

        return string.Join('\n', lines[(open + 1)..close]);
    }
}
