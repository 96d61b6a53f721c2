using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>What an encoder is asked to make: the video plans and the audio renditions, into the workspace.</summary>
internal sealed record LadderJob(
    SourceInput Input,
    int? VideoStreamIndex,
    IReadOnlyList<RenditionPlan> Plans,
    IReadOnlyList<AudioPlan> Audio,
    EncoderSettings Encoder,
    JobWorkspace Workspace,
    ProgressBoard Board)
{
    /// <summary>
    /// The quality windows' pictures the encode keeps for the measurement, when it decodes the whole source once
    /// (<see cref="LadderEncoder"/> without a chunk); null keeps none.
    /// </summary>
    public KeptReference? Reference { get; init; }

    /// <summary>What the progress board follows: the video renditions, or the audio ones for an audio-only source.</summary>
    public static IReadOnlyList<string> ProgressNames(IReadOnlyList<RenditionPlan> plans, IReadOnlyList<AudioPlan> audio) =>
        plans.Count > 0 ? [.. plans.Select(p => p.Name)] : [.. audio.Select(a => a.Name)];
}
