namespace Transcoder.Shared.Outputs;

/// <summary>One video rendition of the ladder.</summary>
/// <param name="Name">The rendition's name (<c>1080p</c>): its short side; an AV1 rendition's ends in <c>-av1</c> (<c>720p-av1</c>).</param>
/// <param name="File">The progressive-download MP4 (video + audio), or null when MP4 was not asked for.</param>
/// <param name="Playlist">The rendition's HLS media playlist, or null when HLS was not asked for.</param>
/// <param name="Track">The CMAF video track the playlists and the MPD point into.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FrameRate">The frame rate as a number or a ratio (<c>30</c>, <c>30000/1001</c>).</param>
/// <param name="Bitrate">Measured average bitrate of the video track, bits per second.</param>
/// <param name="MaxVideoKbps">The video bitrate cap it was encoded with.</param>
/// <param name="DurationSeconds">The video track's duration.</param>
/// <param name="Size">Bytes of the CMAF video track.</param>
/// <param name="HasAudio">Whether the rendition plays with the audio rendition.</param>
public sealed record ManifestRendition(
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
    bool HasAudio)
{
    /// <summary>The video track's peak bitrate, bits per second: its largest fragment (one GOP) over that fragment's duration.</summary>
    public long PeakBitrate { get; init; }

    /// <summary>
    /// The video codec: <c>h264</c>, or <c>av1</c> for the AV1 renditions made beside the H.264 ones
    /// (<c>CODECS=h264,av1</c>). Absent from manifests written before AV1, whose renditions are all H.264.
    /// </summary>
    public string Codec { get; init; } = "h264";

    /// <summary>The quality it reached, measured; null when measurement was off or could not run.</summary>
    public ManifestQuality? Quality { get; init; }

    /// <summary>How its bits were spent: the factor and cap it was encoded with; null in manifests older than the per-title ladder.</summary>
    public ManifestRateControl? RateControl { get; init; }
}
