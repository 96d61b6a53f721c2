using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Writes the streaming manifests for CMAF tracks: the HLS master and media playlists and the DASH MPD, all over the
/// same track files (no second copy of the media).
/// </summary>
internal static class StreamingPackager
{
    public const string MasterPlaylist = "master.m3u8";
    public const string DashManifestFile = "manifest.mpd";

    /// <summary>
    /// Writes the playlists <paramref name="formats"/> asks for into <paramref name="directory"/> and returns them
    /// (not the tracks themselves). <see cref="StreamingFormats.Mp4"/> is not this class's business and is ignored.
    /// </summary>
    /// <param name="tracks">Every video rendition (any order; none for an audio-only source) and every audio rendition (in
    /// the order the playlists list them).</param>
    public static IReadOnlyList<OutputFile> Write(IReadOnlyList<CmafTrack> tracks, StreamingFormats formats, string directory)
    {
        var videos = tracks.Where(t => t.Kind == TrackKind.Video)
            .OrderByDescending(t => (long)t.Width * t.Height)
            .Select(t => new IndexedTrack(t, FragmentedMp4Reader.Read(t.LocalPath)))
            .ToList();
        var audio = tracks.Where(t => t.Kind == TrackKind.Audio)
            .Select(t => new IndexedTrack(t, FragmentedMp4Reader.Read(t.LocalPath)))
            .ToList();
        if (videos.Count == 0 && audio.Count == 0)
        {
            throw new ArgumentException("no track to package", nameof(tracks));
        }

        return Write(videos, audio, formats, directory);
    }

    /// <summary>
    /// The same for tracks whose indexes are already known (a long source's tracks, stitched in S3 from its chunks'
    /// tracks and never on this machine whole).
    /// </summary>
    /// <param name="videos">Every video rendition, best first.</param>
    /// <param name="audio">Every audio rendition, in the order the playlists list them.</param>
    public static IReadOnlyList<OutputFile> Write(IReadOnlyList<IndexedTrack> videos, IReadOnlyList<IndexedTrack> audio, StreamingFormats formats, string directory)
    {
        var written = new List<OutputFile>();
        if (formats.HasFlag(StreamingFormats.Hls))
        {
            foreach (var track in videos.Concat(audio))
            {
                written.Add(WriteText(directory, track.PlaylistName, OutputRoles.HlsPlaylist, HlsPlaylists.Media(track)));
            }

            foreach (var video in videos)
            {
                written.Add(WriteText(directory, video.IFramePlaylistName, OutputRoles.HlsPlaylist, HlsPlaylists.IFrames(video)));
            }

            written.Add(WriteText(directory, MasterPlaylist, OutputRoles.HlsMaster, HlsPlaylists.Master(videos, audio)));
        }

        if (formats.HasFlag(StreamingFormats.Dash))
        {
            written.Add(WriteText(directory, DashManifestFile, OutputRoles.DashManifest, DashManifest.Write(videos, audio)));
        }

        return written;
    }

    private static OutputFile WriteText(string directory, string name, string role, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return new OutputFile(name, role, ContentTypes.For(name), path);
    }
}
