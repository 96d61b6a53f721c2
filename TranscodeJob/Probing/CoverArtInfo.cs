namespace Transcoder.TranscodeJob.Probing;

/// <summary>A picture attached to the source (an MP3's or M4A's cover art, an attached picture stream).</summary>
internal sealed record CoverArtInfo(int Index, string Codec, int Width, int Height);
