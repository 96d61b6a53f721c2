using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// What the encode makes of this source: the video renditions, best first (none for an audio-only source), and the
/// audio renditions every one of them shares (none for a silent source).
/// </summary>
internal sealed record PlannedLadder(IReadOnlyList<RenditionPlan> Plans, AudioTracks Audio, EncoderSettings Encoder)
{
    /// <summary>The per-title ladder's choices (each rung's factor, the rungs dropped); null for the fixed ladder.</summary>
    public LadderDecision? Decision { get; init; }

    /// <summary>
    /// The size quality is measured at: the largest rung planned for the source, made or dropped, so that a ladder whose
    /// top rung was dropped is still measured as a viewer of that size sees it; null for an audio-only source.
    /// </summary>
    public RenditionPlan? Reference => Decision?.Analysis.Reference ?? Plans.FirstOrDefault();

    /// <summary>The keyframe grid every rung is encoded on (the largest rung's rate), and a long source cut on.</summary>
    public KeyframeGrid Grid => new(Plans[0].FrameRate, Encoder.GopSeconds);
}
