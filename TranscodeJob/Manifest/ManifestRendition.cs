namespace Transcoder.TranscodeJob.Manifest;

/// <param name="File">The progressive-download MP4 (video + audio), or null when MP4 was not asked for.</param>
/// <param name="Playlist">The rendition's HLS media playlist, or null when HLS was not asked for.</param>
/// <param name="Track">The CMAF video track the playlists and the MPD point into.</param>
/// <param name="Bitrate">Measured average bitrate of the video track, bits per second.</param>
/// <param name="MaxVideoKbps">The video bitrate cap it was encoded with.</param>
/// <param name="Size">Bytes of the CMAF video track.</param>
internal sealed record ManifestRendition(
    string Name,
    string? File,
    string? Playlist,
    string Track,
    int Width,
    int Height,
    string FrameRate,
    long Bitrate,
    int MaxVideoKbps,
    double DurationSeconds,
    long Size,
    bool HasAudio);
