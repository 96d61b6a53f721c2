using System.Text;
using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// The rules of a <c>.dockerignore</c> file, matched as Docker does: paths relative to the context root with
/// <c>/</c>, <c>*</c> and <c>?</c> within one path segment, <c>**</c> across any number of segments, a path is
/// excluded when it or one of its parent folders matches, <c>!</c> re-includes, and the last matching rule wins.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude, string Text)> _rules = [];

    private DockerIgnore()
    {
    }

    public static DockerIgnore Load(string path)
    {
        var ignore = new DockerIgnore();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = Clean(exclude ? line : line[1..]);
            ignore._rules.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), exclude, line));
        }

        return ignore;
    }

    /// <summary>Whether Docker leaves this context-relative path (file or folder) out of the build context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = Clean(relativePath);
        var candidates = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i <= segments.Length; i++)
        {
            candidates.Add(string.Join('/', segments[..i]));
        }

        var excluded = false;
        foreach (var (pattern, exclude, _) in _rules)
        {
            if (candidates.Any(pattern.IsMatch))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static string Clean(string path)
    {
        var cleaned = path.Trim().Replace('\\', '/');
        while (cleaned.StartsWith("./", StringComparison.Ordinal))
        {
            cleaned = cleaned[2..];
        }

        return cleaned.Trim('/');
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    // "**/" matches no folder or any number of them.
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
