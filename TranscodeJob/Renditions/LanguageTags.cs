using System.Collections.Frozen;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// Language tags as the playlists need them: BCP 47 (RFC 5646), which HLS's LANGUAGE (RFC 8216, 4.3.4.1) and DASH's
/// <c>@lang</c> both take. Sources carry ISO 639-2 codes (MP4 the terminology ones, <c>fra</c>; Matroska often the
/// bibliographic ones, <c>fre</c>), sometimes ISO 639-1 codes or whole BCP 47 tags; BCP 47 wants the two-letter code
/// where one exists (<c>fr</c>) and the three-letter one otherwise (<c>yue</c>).
/// </summary>
internal static partial class LanguageTags
{
    private static readonly FrozenDictionary<string, (string Code, string Name)> Languages = BuildLanguages();

    /// <summary>
    /// The BCP 47 form of a source's language tag, or null when it names no language: absent, <c>und</c>
    /// (undetermined), or not shaped like a language tag at all (an uploader's free text).
    /// </summary>
    public static string? ToBcp47(string? sourceTag)
    {
        if (string.IsNullOrWhiteSpace(sourceTag))
        {
            return null;
        }

        var subtags = sourceTag.Trim().Split('-', '_');
        var primary = subtags[0].ToLowerInvariant();
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetterLower) || primary == "und")
        {
            return null;
        }

        var parts = new List<string> { Languages.TryGetValue(primary, out var known) ? known.Code : primary };
        // Script (Latn), region (BR, 419), variants: kept while they are well formed, dropped from the first that is not.
        foreach (var subtag in subtags.Skip(1))
        {
            if (subtag.Length is < 1 or > 8 || !subtag.All(char.IsAsciiLetterOrDigit))
            {
                break;
            }

            parts.Add(subtag.Length switch
            {
                4 when subtag.All(char.IsAsciiLetter) => char.ToUpperInvariant(subtag[0]) + subtag[1..].ToLowerInvariant(),
                2 or 3 when subtag.All(char.IsAsciiLetter) || subtag.All(char.IsAsciiDigit) => subtag.ToUpperInvariant(),
                _ => subtag.ToLowerInvariant(),
            });
        }

        return string.Join('-', parts);
    }

    /// <summary>The language's English name (<c>French</c> for <c>fr-CA</c>), or null when the table does not have it.</summary>
    public static string? EnglishName(string? bcp47Tag) =>
        bcp47Tag is { Length: > 0 } tag && Languages.TryGetValue(tag.Split('-')[0], out var known) ? known.Name : null;

    // Every code of a language (639-1, 639-2/T, 639-2/B) leads to its two-letter code and its name.
    private static FrozenDictionary<string, (string Code, string Name)> BuildLanguages()
    {
        var languages = new Dictionary<string, (string Code, string Name)>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n'))
        {
            var fields = line.Split(' ', 4);
            var entry = (fields[0], fields[3]);
            languages[fields[0]] = entry;
            languages[fields[1]] = entry;
            if (fields[2] != "-")
            {
                languages[fields[2]] = entry;
            }
        }

        return languages.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
