using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Chooses the renditions and the audio for this source, and checks the workspace can hold what they make. With the
/// per-title analysis, each rung gets the factor <see cref="LadderChooser"/> chose and the rungs it dropped go.
/// </summary>
internal sealed class PlanStage(ILogger logger)
{
    public PlannedLadder Run(ProbedSource probed, JobSubject subject, TitleAnalysis? analysis, JobWorkspace workspace)
    {
        var media = probed.Media;
        var ladder = subject.Request.Ladder;
        var decision = analysis is null ? null : LadderChooser.Choose(analysis, ladder);
        var fixedPlans = new LadderPlanner(ladder).PlanFor(media);
        var plans = decision is null ? fixedPlans : [.. decision.Plans, .. Av1TwinsOfKept(fixedPlans, decision)];
        logger.LogInformation(
            "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate:0.###} fps, {Duration:0.###} s, {AudioTracks} audio track(s); renditions {Renditions} at {PlannedRate} fps",
            subject.Source.Uri, media.Container, media.Video.Codec, media.Video.Width, media.Video.Height,
            media.Video.DisplayWidth, media.Video.DisplayHeight, media.Video.FrameRate.Value, media.Duration.TotalSeconds,
            media.AudioStreams.Count, string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")), plans[0].FrameRate);

        if (ladder.Codecs.HasFlag(VideoCodecs.Av1) && plans.All(p => p.Codec != VideoCodecs.Av1))
        {
            logger.LogWarning(
                "AV1 was asked for, but none of this source's rungs has an AV1 twin in the ladder (or its picture is under {MinSide} px): H.264 only",
                Av1Settings.MinSide);
        }

        workspace.EnsureFreeSpace(DiskBudget.ForOutputs(plans, media.Duration, subject.Request.Formats), "the renditions");
        return new PlannedLadder(plans, AudioPlan.For(plans), ladder.Encoder) { Decision = decision };
    }

    /// <summary>
    /// Per-title weighs the H.264 rungs only: an AV1 twin is made when its rung is kept (at the AV1 factor, under its
    /// own cap), and goes with it when its rung is dropped.
    /// </summary>
    private static IEnumerable<RenditionPlan> Av1TwinsOfKept(IReadOnlyList<RenditionPlan> fixedPlans, LadderDecision decision) =>
        fixedPlans.Where(twin => twin.Codec == VideoCodecs.Av1
            && decision.Kept.Any(k => twin.Name == k.Plan.Name + RenditionPlan.Av1Suffix));
}
