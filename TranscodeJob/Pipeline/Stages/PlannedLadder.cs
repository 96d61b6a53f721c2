using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// What the encode makes of this source: the video renditions, best first (none for an audio-only source), and the
/// audio renditions every one of them shares (none for a silent source).
/// </summary>
internal sealed record PlannedLadder(IReadOnlyList<RenditionPlan> Plans, AudioTracks Audio, EncoderSettings Encoder);
