namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>A subtitle track ready to publish: the track, how the playlists and the MPD describe it, its WebVTT file.</summary>
internal sealed record PackagedSubtitle(SubtitleTrack Track, SubtitleRendition Rendition, string VttPath);
