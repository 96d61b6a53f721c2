namespace Transcoder.TranscodeJob.Packaging;

/// <summary>What a CMAF track file carries: one video rendition or the audio rendition.</summary>
internal enum TrackKind
{
    Video,
    Audio,
}
