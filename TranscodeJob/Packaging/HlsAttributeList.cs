using System.Text;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// An HLS attribute list (RFC 8216, 4.2): <c>NAME=value</c> pairs separated by commas, where a quoted-string value may
/// itself hold commas (<c>CODECS="avc1.640028,mp4a.40.2"</c>). Values are kept as written, quotes included.
/// </summary>
internal static class HlsAttributeList
{
    public static List<KeyValuePair<string, string>> Parse(string list)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        var (start, quoted) = (0, false);
        for (var i = 0; i <= list.Length; i++)
        {
            if (i < list.Length && list[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == list.Length || (list[i] == ',' && !quoted))
            {
                var pair = list[start..i];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    attributes.Add(new(pair[..equals], pair[(equals + 1)..]));
                }

                start = i + 1;
            }
        }

        return attributes;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> attributes) =>
        attributes.Aggregate(new StringBuilder(), (text, a) => text.Append(text.Length > 0 ? "," : "").Append(a.Key).Append('=').Append(a.Value)).ToString();

    /// <summary>A quoted-string value: no double quote or line break can be in one (RFC 8216, 4.2).</summary>
    public static string Quoted(string text) =>
        "\"" + new string([.. text.Where(c => c is not ('\r' or '\n')).Select(c => c == '"' ? '\'' : c)]) + "\"";
}
