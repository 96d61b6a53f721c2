namespace Transcoder.TranscodeJob.Analysis;

/// <summary>A rung the per-title ladder does not make: <paramref name="Kept"/>, smaller, looks as good for fewer bits.</summary>
internal sealed record DroppedRung(RungChoice Rung, RungChoice Kept, string Reason);
