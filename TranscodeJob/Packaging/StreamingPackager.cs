namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// Writes the streaming manifests for CMAF tracks: the HLS master and media playlists and the DASH MPD, all over the
/// same track files (no second copy of the media).
/// </summary>
internal static class StreamingPackager
{
    /// <summary>
    /// Writes the playlists <paramref name="formats"/> asks for into <paramref name="directory"/> and returns them
    /// (not the tracks themselves). <see cref="StreamingFormats.Mp4"/> is not this class's business and is ignored.
    /// </summary>
    /// <param name="tracks">Every video rendition (any order) and at most one audio track.</param>
    public static IReadOnlyList<OutputFile> Write(IReadOnlyList<CmafTrack> tracks, StreamingFormats formats, string directory) =>
        throw new NotImplementedException("contract only: implemented on branch h-package");
}
