namespace Transcoder.TranscodeJob.Renditions;

/// <summary>A source audio stream the job does not deliver, and why.</summary>
/// <param name="Index">The stream's index in the source.</param>
internal sealed record SkippedAudio(int Index, string Reason);
