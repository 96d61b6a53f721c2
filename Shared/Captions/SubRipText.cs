using System.Text;
using System.Text.RegularExpressions;

namespace Transcoder.Shared.Captions;

/// <summary>
/// One line of SubRip cue text as WebVTT cue text: the italic, bold and underline tags kept, every other tag
/// (<c>&lt;font color=…&gt;</c>) and ASS override blocks (<c>{\an8}</c>) dropped, and <c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c> escaped where they are text, as WebVTT requires.
/// </summary>
internal static partial class SubRipText
{
    public static string ToWebVtt(string line)
    {
        var text = new StringBuilder(line.Length);
        var at = 0;
        line = AssOverride().Replace(line, "");
        foreach (Match tag in Tag().Matches(line))
        {
            text.Append(Escape(line[at..tag.Index]));
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name is "i" or "b" or "u")
            {
                text.Append('<').Append(tag.Groups["close"].Value).Append(name).Append('>');
            }

            at = tag.Index + tag.Length;
        }

        return text.Append(Escape(line[at..])).ToString();
    }

    // Text, with an ampersand that starts an entity (&amp; &#233;) left alone.
    private static string Escape(string text) =>
        BareAmpersand().Replace(text, "&amp;").Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"<(?<close>/?)(?<name>[A-Za-z]+)\b[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\\[^}]*\}")]
    private static partial Regex AssOverride();

    [GeneratedRegex(@"&(?!([A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);)")]
    private static partial Regex BareAmpersand();
}
