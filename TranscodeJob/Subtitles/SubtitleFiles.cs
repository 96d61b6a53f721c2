using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>Writes subtitle tracks as the files a folder publishes: the WebVTT file and, with HLS, its media playlist.</summary>
internal static class SubtitleFiles
{
    /// <summary>The track's WebVTT file in <paramref name="directory"/>, with the HLS timestamp map in its header.</summary>
    public static string WriteVtt(SubtitleTrack track, string directory)
    {
        var path = Path.Combine(directory, track.FileName);
        File.WriteAllText(path, WebVttWriter.Write(track.Cues, HlsSubtitles.TimestampMap));
        return path;
    }

    /// <summary>
    /// The tracks as renditions: their names (a title of their own, or one made from the language), and the arranged
    /// set's unique names and default (<see cref="SubtitleSet.Arrange"/>).
    /// </summary>
    public static IReadOnlyList<PackagedSubtitle> Arrange(IReadOnlyList<(SubtitleTrack Track, string VttPath)> written, string? mainAudioLanguage)
    {
        var renditions = SubtitleSet.Arrange(
            written.Select(w => new SubtitleRendition(
                w.Track.Id,
                w.Track.Language,
                SubtitleSet.NameFor(w.Track.Title, w.Track.Language, w.Track.Forced, w.Track.HearingImpaired, w.Track.Origin == SubtitleOrigins.ClosedCaptions),
                w.Track.Forced,
                w.Track.HearingImpaired,
                false,
                new FileInfo(w.VttPath).Length)),
            mainAudioLanguage);
        return [.. written.Zip(renditions, (w, r) => new PackagedSubtitle(w.Track, r, w.VttPath))];
    }

    /// <summary>A track's HLS media playlist in <paramref name="directory"/>.</summary>
    public static OutputFile WritePlaylist(SubtitleRendition rendition, double seconds, string directory)
    {
        var path = Path.Combine(directory, rendition.PlaylistName);
        File.WriteAllText(path, HlsSubtitles.MediaPlaylist(rendition, seconds));
        return new OutputFile(rendition.PlaylistName, OutputRoles.HlsPlaylist, ContentTypes.For(rendition.PlaylistName), path);
    }

    /// <summary>The manifest's entry for a track.</summary>
    public static ManifestSubtitle EntryOf(PackagedSubtitle packaged, bool hls) =>
        new(
            packaged.Rendition.FileName,
            hls ? packaged.Rendition.PlaylistName : null,
            packaged.Rendition.Language,
            packaged.Rendition.Name,
            packaged.Rendition.Forced,
            packaged.Rendition.HearingImpaired,
            packaged.Rendition.IsDefault,
            packaged.Track.Origin,
            packaged.Track.SourceStream,
            packaged.Track.SourceFile,
            packaged.Track.Cues.Count);

    /// <summary>The presentation's duration as the subtitle playlists state it: the manifest's, to the millisecond.</summary>
    public static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);
}
