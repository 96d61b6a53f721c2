using System.Globalization;
using System.Text;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Subtitles in HLS: a <c>SUBTITLES</c> rendition group in the master playlist, one media playlist per track, and
/// <c>CLOSED-CAPTIONS=NONE</c> on every variant (the renditions carry no CEA-608; captions are WebVTT tracks), as
/// Apple's HLS authoring specification asks. Each track's media playlist is one WebVTT segment, the whole file:
/// the same file DASH and a download use, one object per track as for the media. The master is rewritten rather
/// than written, so that a caption attached days later changes only the subtitle lines.
/// </summary>
internal static class HlsSubtitles
{
    public const string Group = "subs";

    // RFC 8216 4.3.4.1: Apple's characteristics of captions for the deaf and hard of hearing (SDH).
    private const string HearingImpairedCharacteristics = "public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-music-and-sound";

    /// <summary>
    /// The header every WebVTT file of the job carries: cue time 0 is media time 0 of the CMAF tracks (RFC 8216 3.5:
    /// the mapping HLS assumes without it, written out for players and validators that want it said).
    /// </summary>
    public const string TimestampMap = "X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000";

    /// <param name="seconds">The presentation's duration: the segment lasts all of it.</param>
    public static string MediaPlaylist(SubtitleRendition track, double seconds)
    {
        var target = HlsSegmentBitRate.TargetDuration([new SegmentSize(track.Bytes, seconds)]);
        return new StringBuilder()
            .Append("#EXTM3U\n#EXT-X-VERSION:3\n")
            .Append(Invariant($"#EXT-X-TARGETDURATION:{target}\n"))
            .Append("#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n")
            .Append(Invariant($"#EXTINF:{seconds:0.000000},\n"))
            .Append(track.FileName).Append('\n')
            .Append("#EXT-X-ENDLIST\n")
            .ToString();
    }

    /// <summary>
    /// <paramref name="master"/> with its subtitle renditions replaced by <paramref name="tracks"/>: each variant's
    /// BANDWIDTH and AVERAGE-BANDWIDTH then include the largest subtitle track's bit rate instead of the largest of
    /// <paramref name="before"/>'s (RFC 8216 4.3.4.2: every rendition combination a player can pick).
    /// </summary>
    public static string Master(string master, IReadOnlyList<SubtitleRendition> before, IReadOnlyList<SubtitleRendition> tracks, double seconds)
    {
        var change = BitRate(tracks, seconds) - BitRate(before, seconds);
        var lines = new List<string>();
        foreach (var line in master.Split('\n'))
        {
            if (line.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal) && line.Contains("TYPE=SUBTITLES", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal))
            {
                if (!lines.Any(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)))
                {
                    lines.AddRange(tracks.Select(MediaLine));
                }

                lines.Add("#EXT-X-STREAM-INF:" + Variant(line["#EXT-X-STREAM-INF:".Length..], change, tracks.Count > 0));
                continue;
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The media playlists of the subtitle renditions <paramref name="master"/> lists, in its order.</summary>
    public static IReadOnlyList<string> PlaylistsIn(string master) =>
        [.. master.Split('\n')
            .Where(line => line.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal) && line.Contains("TYPE=SUBTITLES", StringComparison.Ordinal))
            .Select(line => HlsAttributeList.Parse(line["#EXT-X-MEDIA:".Length..]).FirstOrDefault(a => a.Key == "URI").Value?.Trim('"'))
            .OfType<string>()];

    /// <summary>The bit rate a track adds to a variant: its one segment's bits over its duration, rounded up.</summary>
    public static long BitRate(IReadOnlyList<SubtitleRendition> tracks, double seconds) =>
        tracks.Count == 0 || seconds <= 0 ? 0 : (long)Math.Ceiling(tracks.Max(t => t.Bytes) * 8.0 / seconds);

    private static string Variant(string attributes, long change, bool hasSubtitles)
    {
        var list = HlsAttributeList.Parse(attributes).Where(a => a.Key is not ("SUBTITLES" or "CLOSED-CAPTIONS")).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Key is "BANDWIDTH" or "AVERAGE-BANDWIDTH" && long.TryParse(list[i].Value, CultureInfo.InvariantCulture, out var bits))
            {
                list[i] = new(list[i].Key, Invariant($"{bits + change}"));
            }
        }

        if (hasSubtitles)
        {
            list.Add(new("SUBTITLES", HlsAttributeList.Quoted(Group)));
        }

        list.Add(new("CLOSED-CAPTIONS", "NONE"));
        return HlsAttributeList.Format(list);
    }

    private static string MediaLine(SubtitleRendition track)
    {
        var attributes = new List<KeyValuePair<string, string>>
        {
            new("TYPE", "SUBTITLES"),
            new("GROUP-ID", HlsAttributeList.Quoted(Group)),
            new("NAME", HlsAttributeList.Quoted(track.Name)),
        };
        if (track.Language is { } language)
        {
            attributes.Add(new("LANGUAGE", HlsAttributeList.Quoted(language)));
        }

        // AUTOSELECT lets a player choose the track by the viewer's settings (language, captions for the hard of
        // hearing); it must be YES with DEFAULT=YES.
        attributes.Add(new("DEFAULT", YesNo(track.IsDefault)));
        attributes.Add(new("AUTOSELECT", YesNo(track.IsDefault || track.Language is not null || track.HearingImpaired)));
        attributes.Add(new("FORCED", YesNo(track.Forced)));
        if (track.HearingImpaired)
        {
            attributes.Add(new("CHARACTERISTICS", HlsAttributeList.Quoted(HearingImpairedCharacteristics)));
        }

        attributes.Add(new("URI", HlsAttributeList.Quoted(track.PlaylistName)));
        return "#EXT-X-MEDIA:" + HlsAttributeList.Format(attributes);
    }

    private static string YesNo(bool value) => value ? "YES" : "NO";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
