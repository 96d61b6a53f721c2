using Transcoder.Shared.Captions;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>The rules that hold across a presentation's subtitle tracks: how many, their names, which one is shown unasked.</summary>
internal static class SubtitleSet
{
    /// <summary>
    /// The most subtitle tracks a presentation gets (streams, CEA-608 and caption files together): a film has a
    /// dozen languages at most, and each track is a file, a playlist and a line in every master playlist.
    /// </summary>
    public const int MaxTracks = 16;

    /// <summary>
    /// The tracks with unique names (HLS requires a NAME per rendition that differs from the others in its group: a
    /// second "French" becomes "French 2") and the DEFAULT flag on at most one: the first forced track in the main
    /// audio's language, which translates on-screen text and foreign dialogue for everyone listening in that language.
    /// No other track is shown unasked: a source's "default" flag on a subtitle track is mostly a muxer's habit, and
    /// showing subtitles to every viewer is not a default anyone wants.
    /// </summary>
    public static IReadOnlyList<SubtitleRendition> Arrange(IEnumerable<SubtitleRendition> tracks, string? mainAudioLanguage)
    {
        var main = LanguageTag.Normalize(mainAudioLanguage);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var defaultGiven = false;
        var arranged = new List<SubtitleRendition>();
        foreach (var track in tracks)
        {
            var name = track.Name;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{track.Name} {n}";
            }

            var isDefault = !defaultGiven && main is not null && track.Forced && track.Language == main;
            defaultGiven |= isDefault;
            arranged.Add(track with { Name = name, IsDefault = isDefault });
        }

        return arranged;
    }

    /// <summary>The name a track without a title of its own gets: its language, and what kind of track it is.</summary>
    public static string NameFor(string? title, string? language, bool forced, bool hearingImpaired, bool closedCaptions = false)
    {
        if (Printable(title) is { } own)
        {
            return own;
        }

        var name = LanguageTag.DisplayName(language) ?? (closedCaptions ? "Closed captions" : "Subtitles");
        var kind = closedCaptions ? "CC" : hearingImpaired ? "SDH" : null;
        return name + (kind is not null && language is not null ? $" ({kind})" : "") + (forced ? " (forced)" : "");
    }

    // A source's title, as a playlist can carry it: one line, no quote (HLS quoted strings cannot hold one), not too long.
    private static string? Printable(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var clean = new string([.. title.Trim().Where(c => !char.IsControl(c)).Select(c => c == '"' ? '\'' : c)]);
        return clean.Length <= 64 ? clean : clean[..64];
    }
}
