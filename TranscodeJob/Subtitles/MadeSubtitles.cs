using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>The subtitle tracks made for a presentation, and what was left out, with why.</summary>
internal sealed record MadeSubtitles(IReadOnlyList<SubtitleTrack> Tracks, IReadOnlyList<ManifestSkippedSubtitle> Skipped)
{
    public static MadeSubtitles None { get; } = new([], []);

    public MadeSubtitles Add(MadeSubtitles more) => new([.. Tracks, .. more.Tracks], [.. Skipped, .. more.Skipped]);

    /// <summary>The tracks within <see cref="SubtitleSet.MaxTracks"/>, in order; the rest skipped with the limit as their reason.</summary>
    public MadeSubtitles WithinLimit()
    {
        if (Tracks.Count <= SubtitleSet.MaxTracks)
        {
            return this;
        }

        var over = Tracks.Skip(SubtitleSet.MaxTracks).Select(t => new ManifestSkippedSubtitle(
            t.Origin, t.SourceStream, t.SourceFile, null, t.Language, $"over the limit of {SubtitleSet.MaxTracks} subtitle tracks"));
        return new MadeSubtitles([.. Tracks.Take(SubtitleSet.MaxTracks)], [.. Skipped, .. over]);
    }
}
