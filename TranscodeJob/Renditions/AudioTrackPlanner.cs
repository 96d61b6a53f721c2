using System.Text;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// Chooses which of a source's audio streams become renditions, which one plays by default, and what the playlists
/// call them (docs/job.md, "Audio tracks"):
/// <list type="bullet">
/// <item>every audio stream becomes its own rendition, in the source's order, up to <see cref="MaxTracks"/>;</item>
/// <item>an empty stream (no packets) is skipped: there is nothing to encode, and an empty track in the audio menu
/// plays silence;</item>
/// <item>a duplicate, a stream a viewer could not tell from another in the audio menu (the same language, the same
/// kind, the same title or none), is skipped: a film's English 5.1 and its English stereo would otherwise be two
/// identical stereo renditions named alike. The one the source marks default is kept, else the first. Streams with
/// no language are never duplicates: nothing says what they hold, so each is delivered;</item>
/// <item>the default rendition is the stream the source marks default, else the first kept.</item>
/// </list>
/// </summary>
internal static class AudioTrackPlanner
{
    /// <summary>
    /// The most audio renditions one job makes. A film with its dubs and an audio description fits; each track costs
    /// an AAC encode and its measurement (about 2% of a 1080p ladder's CPU, bench/README.md) and its storage, and an
    /// upload cannot buy more than this. The rest are listed as skipped.
    /// </summary>
    public const int MaxTracks = 8;

    private const int MaxLabelLength = 64;

    public static AudioTracks Plan(SourceMedia media, int kbps)
    {
        var skipped = new List<SkippedAudio>();
        var present = new List<AudioStreamInfo>();
        foreach (var stream in media.AudioStreams)
        {
            if (media.Packets is { } packets && packets.PacketsByStream.GetValueOrDefault(stream.Index) == 0)
            {
                skipped.Add(new SkippedAudio(stream.Index, "empty: the stream has no packets"));
            }
            else
            {
                present.Add(stream);
            }
        }

        var distinct = new List<AudioStreamInfo>();
        foreach (var twins in present.GroupBy(MenuKey))
        {
            var keep = twins.FirstOrDefault(s => s.IsDefault) ?? twins.First();
            distinct.Add(keep);
            skipped.AddRange(twins.Where(s => s != keep).Select(s => new SkippedAudio(
                s.Index, $"a duplicate of stream {keep.Index}: the same language, kind and title, so no viewer could tell them apart")));
        }

        var kept = WithinLimit(distinct.OrderBy(s => s.Index).ToList());
        skipped.AddRange(distinct.Except(kept).Select(s => new SkippedAudio(s.Index, $"over the limit of {MaxTracks} audio tracks a job delivers")));
        return new AudioTracks(Renditions(kept, kbps, media.Duration), [.. skipped.OrderBy(s => s.Index)]);
    }

    // The first MaxTracks in the source's order, the default among them.
    private static List<AudioStreamInfo> WithinLimit(List<AudioStreamInfo> streams)
    {
        var kept = streams.Take(MaxTracks).ToList();
        if (PreferredOf(streams) is { } preferred && !kept.Contains(preferred))
        {
            kept[^1] = preferred;
        }

        return kept;
    }

    private static AudioStreamInfo? PreferredOf(IReadOnlyList<AudioStreamInfo> streams) =>
        streams.FirstOrDefault(s => s.IsDefault) ?? streams.FirstOrDefault();

    private static List<AudioPlan> Renditions(List<AudioStreamInfo> kept, int kbps, TimeSpan duration)
    {
        var preferred = PreferredOf(kept);
        var plans = kept.Select((stream, i) =>
        {
            var language = LanguageTags.ToBcp47(stream.Language);
            var role = stream.DescribesVideo ? AudioRole.Description
                : stream == preferred ? AudioRole.Main
                : stream.IsCommentary ? AudioRole.Commentary
                : AudioRole.Alternate;
            return new AudioPlan(stream, kbps)
            {
                Name = kept.Count == 1 ? AudioPlan.SingleName : $"audio-{language?.ToLowerInvariant() ?? "und"}-{i + 1}",
                Facts = new AudioFacts(language, LabelOf(stream, language, role, i + 1, kept.Count), role, stream == preferred, Math.Min(stream.Channels, 2)),
                Duration = duration,
            };
        }).ToList();
        return UniqueLabels(plans);
    }

    // The source's title, else the language's name, else a number; with what the track is for.
    private static string LabelOf(AudioStreamInfo stream, string? language, AudioRole role, int number, int count)
    {
        if (CleanTitle(stream.Title) is { } title)
        {
            return title;
        }

        var name = LanguageTags.EnglishName(language) ?? language ?? (count == 1 ? "Audio" : $"Audio {number}");
        return role switch
        {
            AudioRole.Description => $"{name} (audio description)",
            AudioRole.Commentary => $"{name} (commentary)",
            _ => name,
        };
    }

    // HLS requires every NAME in a group to differ (RFC 8216, 4.3.4.1.1): a repeated one gets a number.
    private static List<AudioPlan> UniqueLabels(List<AudioPlan> plans)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return plans.Select((plan, i) => seen.Add(plan.Facts.Label)
            ? plan
            : plan with { Facts = plan.Facts with { Label = $"{plan.Facts.Label} ({i + 1})" } }).ToList();
    }

    // What a menu shows of a stream; a stream with no language is its own group (its index stands for the language).
    private static (string Language, bool Description, bool Commentary, string Title) MenuKey(AudioStreamInfo stream) =>
        (LanguageTags.ToBcp47(stream.Language) ?? $"#{stream.Index}", stream.DescribesVideo, stream.IsCommentary, CleanTitle(stream.Title)?.ToLowerInvariant() ?? "");

    /// <summary>
    /// The title as a menu can show it: no control characters, no double quotes (HLS quoted strings cannot hold one),
    /// spaces collapsed, at most 64 characters; null when nothing is left.
    /// </summary>
    internal static string? CleanTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var clean = new StringBuilder(Math.Min(title.Length, MaxLabelLength));
        foreach (var c in title)
        {
            var next = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c == '"' ? '\'' : c;
            if (next != ' ' || (clean.Length > 0 && clean[^1] != ' '))
            {
                clean.Append(next);
            }
        }

        var text = clean.ToString().Trim();
        if (text.Length > MaxLabelLength)
        {
            // Never half a surrogate pair.
            text = text[..(char.IsHighSurrogate(text[MaxLabelLength - 1]) ? MaxLabelLength - 1 : MaxLabelLength)].TrimEnd();
        }

        return text.Length > 0 ? text : null;
    }
}
