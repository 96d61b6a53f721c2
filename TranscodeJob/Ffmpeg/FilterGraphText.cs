using System.Text;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Text written into an ffmpeg filter graph (a path with ':', ',' or a quote in an option value): escaped for the
/// filter's option parser, then for the graph parser, the two levels of ffmpeg's filter-graph syntax ("Notes on
/// filtergraph escaping" in ffmpeg's filter documentation).
/// </summary>
internal static class FilterGraphText
{
    /// <summary>A filter with its options, each value escaped for both levels.</summary>
    public static string Filter(string name, params ReadOnlySpan<(string Option, string Value)> options)
    {
        var arguments = new StringBuilder();
        foreach (var (option, value) in options)
        {
            arguments.Append(arguments.Length > 0 ? ":" : "").Append(option).Append('=').Append(OptionEscape(value));
        }

        return name + "=" + GraphEscape(arguments.ToString());
    }

    /// <summary>One option value of a filter that is already written into a graph (both levels at once).</summary>
    public static string Value(string value) => GraphEscape(OptionEscape(value));

    private static string OptionEscape(string value) => Escape(value, @"\':");

    private static string GraphEscape(string value) => Escape(value, @"\'[],;");

    private static string Escape(string value, string special)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
