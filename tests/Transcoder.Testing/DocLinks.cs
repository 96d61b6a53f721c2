using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Transcoder.LocalAws;

namespace Transcoder.Testing;

/// <summary>
/// The relative links of the repository's Markdown documents, and whether each resolves: to a file or folder that
/// exists, and to a heading of the target document when it names an anchor (GitHub's heading ids).
/// </summary>
public static partial class DocLinks
{
    private static readonly string[] Skipped = ["node_modules", "artifacts", ".git", "bin", "obj"];

    /// <summary>Every Markdown document of the repository, as a path relative to its root.</summary>
    public static IReadOnlyList<string> Documents() =>
    [
        .. Directory.EnumerateFiles(RepoPaths.Root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The relative link targets of <paramref name="document"/>, outside code (fenced blocks and code spans).</summary>
    public static IReadOnlyList<string> RelativeLinks(string document)
    {
        var links = new List<string>();
        var fenced = false;
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, document)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                links.AddRange(Link().Matches(CodeSpan().Replace(line, "")).Select(m => m.Groups["target"].Value)
                    .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)));
            }
        }

        return links;
    }

    /// <summary>Why <paramref name="target"/>, linked from <paramref name="document"/>, does not resolve; null when it does.</summary>
    public static string? Problem(string document, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var (file, anchor) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
        var path = file.Length == 0
            ? Path.Combine(RepoPaths.Root, document)
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, Path.GetDirectoryName(document) ?? "", Uri.UnescapeDataString(file)));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return $"{document}: {target}: no such file";
        }

        return anchor is null || !path.EndsWith(".md", StringComparison.Ordinal) || Anchors(path).Contains(anchor)
            ? null
            : $"{document}: {target}: no heading with that anchor in {Path.GetFileName(path)}";
    }

    // GitHub's ids: the heading's text lower-cased, without punctuation, each space a hyphen; a repeat gets -1, -2, ….
    private static HashSet<string> Anchors(string path)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in File.ReadLines(path))
        {
            fenced ^= line.TrimStart().StartsWith("```", StringComparison.Ordinal);
            if (fenced || Heading().Match(line) is not { Success: true } heading)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (c == ' ')
                {
                    slug.Append('-');
                }
                else if (char.IsLetterOrDigit(c) || c is '-' or '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    slug.Append(c);
                }
            }

            var id = slug.ToString();
            for (var n = 1; !anchors.Add(id); n++)
            {
                id = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
