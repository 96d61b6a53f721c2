using System.Text.RegularExpressions;

namespace Transcoder.Shared.Captions;

/// <summary>
/// Language tags as HLS (<c>LANGUAGE</c>, RFC 8216 4.3.4.1) and DASH (<c>@lang</c>) want them: BCP 47 (RFC 5646).
/// Containers write ISO 639-2 codes (<c>eng</c>, <c>fre</c>), people write <c>pt-br</c>; both become the canonical
/// form, the shortest primary code and the conventional case (<c>en</c>, <c>fr</c>, <c>pt-BR</c>, <c>zh-Hant</c>).
/// </summary>
public static partial class LanguageTag
{
    /// <summary>"Undetermined" (ISO 639-2): what containers write for a track whose language nobody set.</summary>
    public const string Undetermined = "und";

    /// <summary>
    /// The canonical BCP 47 form of <paramref name="tag"/>, or null when it names no language: absent, empty,
    /// <c>und</c>, or not shaped like a tag (a primary code of 2–3 letters, then an optional script, region and variants).
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || !Shape().IsMatch(tag.Trim()))
        {
            return null;
        }

        var parts = tag.Trim().Replace('_', '-').Split('-');
        var primary = parts[0].ToLowerInvariant();
        if (primary == Undetermined)
        {
            return null;
        }

        parts[0] = LanguageNames.Shortest(primary) ?? primary;
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i] switch
            {
                { Length: 4 } script when char.IsAsciiLetter(script[0]) => char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant(),
                { Length: 2 } region => region.ToUpperInvariant(),
                var other => other.ToLowerInvariant(),
            };
        }

        return string.Join('-', parts);
    }

    /// <summary>Whether <paramref name="text"/> is a language tag this project accepts (see <see cref="Normalize"/>).</summary>
    public static bool IsValid(string text) => Normalize(text) is not null;

    /// <summary>
    /// A name a viewer can read in a track menu: the language's English name (<c>French</c>, <c>French (CA)</c> for
    /// <c>fr-CA</c>), the tag itself for a language the table lacks, or null for none.
    /// </summary>
    public static string? DisplayName(string? tag)
    {
        if (Normalize(tag) is not { } normal)
        {
            return null;
        }

        var parts = normal.Split('-');
        var name = LanguageNames.NameOf(parts[0]);
        if (name is null)
        {
            return normal;
        }

        return parts.Length == 1 ? name : $"{name} ({string.Join('-', parts[1..])})";
    }

    // language (2-3 letters) [-script (4 letters)] [-region (2 letters or 3 digits)] [-variant (5-8 alphanumerics, or a digit and 3)]*
    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?([-_]([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")]
    private static partial Regex Shape();
}
