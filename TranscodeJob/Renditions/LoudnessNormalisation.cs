using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// What the audio encode's <c>loudnorm</c> needs for its linear mode: the target, and the source track's loudness as
/// measured before the encode.
/// </summary>
internal sealed record LoudnessNormalisation(LoudnessTarget Target, ManifestLoudness Measured);
