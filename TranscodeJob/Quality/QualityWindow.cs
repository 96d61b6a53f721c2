namespace Transcoder.TranscodeJob.Quality;

/// <summary>One stretch of the timeline whose frames are measured: from <paramref name="Start"/>, for <paramref name="Length"/>.</summary>
internal sealed record QualityWindow(TimeSpan Start, TimeSpan Length);
