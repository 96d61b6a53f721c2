using Microsoft.Extensions.Logging;
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
        var plans = decision?.Plans ?? new LadderPlanner(ladder).PlanFor(media);
        logger.LogInformation(
            "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate:0.###} fps, {Duration:0.###} s, {AudioTracks} audio track(s); renditions {Renditions} at {PlannedRate} fps",
            subject.Source.Uri, media.Container, media.Video.Codec, media.Video.Width, media.Video.Height,
            media.Video.DisplayWidth, media.Video.DisplayHeight, media.Video.FrameRate.Value, media.Duration.TotalSeconds,
            media.AudioStreams.Count, string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")), plans[0].FrameRate);

        workspace.EnsureFreeSpace(DiskBudget.ForOutputs(plans, media.Duration, subject.Request.Formats), "the renditions");
        return new PlannedLadder(plans, AudioPlan.For(plans), ladder.Encoder) { Decision = decision };
    }
}
