using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>What the encode makes of this source: the renditions, best first, and the shared audio (null: silent).</summary>
internal sealed record PlannedLadder(IReadOnlyList<RenditionPlan> Plans, AudioPlan? Audio, EncoderSettings Encoder);
