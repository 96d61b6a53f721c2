namespace Transcoder.Shared.Outputs;

/// <summary>The one audio rendition all video renditions share (AAC-LC stereo 48 kHz).</summary>
/// <param name="Playlist">Its HLS media playlist, or null when HLS was not asked for.</param>
/// <param name="Track">The CMAF audio track.</param>
/// <param name="Kbps">The bitrate it was encoded at, kilobits per second.</param>
/// <param name="Channels">The channel count (at most 2).</param>
/// <param name="Size">Bytes of the CMAF audio track.</param>
/// <param name="Loudness">Its loudness as measured in the encode; null when it could not be measured.</param>
public sealed record ManifestAudioRendition(string? Playlist, string Track, int Kbps, int Channels, long Size, ManifestLoudness? Loudness = null);
