namespace Transcoder.TranscodeJob.Manifest;

/// <summary>The one audio rendition all video renditions share (AAC-LC stereo 48 kHz).</summary>
/// <param name="Playlist">Its HLS media playlist, or null when HLS was not asked for.</param>
/// <param name="Track">The CMAF audio track.</param>
internal sealed record ManifestAudioRendition(string? Playlist, string Track, int Kbps, int Channels, long Size);
