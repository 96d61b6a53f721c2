namespace Transcoder.TranscodeJob.Encoding;

/// <summary>One progressive file to copy from the CMAF tracks (<see cref="ProgressiveMaker"/>).</summary>
/// <param name="VideoTrackPath">The video track it holds; null for an audio-only source's M4A.</param>
/// <param name="OutputPath">Where the file goes.</param>
internal sealed record ProgressiveCopy(string? VideoTrackPath, string OutputPath);
