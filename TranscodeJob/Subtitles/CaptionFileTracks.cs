using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// Caption files as tracks. A caption file is timed to the video as it plays (0 is the first picture), so its cues
/// are only cut to the media's span. One track per language and flags: of two files for the same (<c>clip.fr.srt</c>
/// and <c>clip.fr.vtt</c>) the first by name is kept.
/// </summary>
internal static class CaptionFileTracks
{
    /// <summary>Every file as a track, or skipped with its first error (a broken file never fails the job).</summary>
    public static MadeSubtitles From(IReadOnlyList<CaptionFile> files, TimeSpan span)
    {
        var made = MadeSubtitles.None;
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (kept.TryGetValue(file.Caption.TrackId, out var first))
            {
                made = made.Add(Skipped(file, $"{first} is already the {file.Caption.Language} track with the same flags"));
                continue;
            }

            try
            {
                made = made.Add(new MadeSubtitles([From(file, span)], []));
                kept[file.Caption.TrackId] = file.Name;
            }
            catch (CaptionFormatException exception)
            {
                made = made.Add(Skipped(file, exception.Message));
            }
        }

        return made;
    }

    /// <summary>The file's track, cut to the media's span; a file that cannot be read throws <see cref="CaptionFormatException"/>.</summary>
    public static SubtitleTrack From(CaptionFile file, TimeSpan span)
    {
        var caption = file.Caption;
        var cues = file.Content is { } content
            ? CaptionParser.Parse(content, caption.Format, file.Name)
            : throw CaptionParser.TooLarge(file.Name, file.Size);
        var placed = CueTimeline.Place(cues, TimeSpan.Zero, span);
        if (placed.Count == 0)
        {
            throw new CaptionFormatException($"{file.Name}: no cue falls within the video's {span.TotalSeconds:0.###} s");
        }

        return new SubtitleTrack(
            caption.TrackId, caption.Language, null, caption.Forced, caption.HearingImpaired, SubtitleOrigins.File, null, file.Name, placed);
    }

    private static MadeSubtitles Skipped(CaptionFile file, string reason) =>
        new([], [new ManifestSkippedSubtitle(SubtitleOrigins.File, null, file.Name, null, file.Caption.Language, reason)]);
}
