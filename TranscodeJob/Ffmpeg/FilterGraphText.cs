using System.Text;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// A filter written into an ffmpeg filter graph with any text in its option values (a path with ':', ',' or a quote):
/// each value is quoted for the filter's option parser, then the whole is escaped for the graph parser, the two
/// levels of ffmpeg's filter-graph syntax ("Notes on filtergraph escaping" in ffmpeg's filter documentation).
/// </summary>
internal static class FilterGraphText
{
    // The graph parser's special characters: quotes and escapes, filter separators, link labels.
    private const string GraphSpecial = "\\'[],;";

    public static string Filter(string name, params ReadOnlySpan<(string Option, string Value)> options)
    {
        var arguments = new StringBuilder();
        foreach (var (option, value) in options)
        {
            arguments.Append(arguments.Length > 0 ? ":" : "").Append(option).Append('=').Append(Quote(value));
        }

        return name + "=" + EscapeForGraph(arguments.ToString());
    }

    // Option level: inside '…' nothing is special; a quote itself closes, is escaped, and reopens.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string EscapeForGraph(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (GraphSpecial.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
