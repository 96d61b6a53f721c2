using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Chooses the renditions and the audio for this source; <see cref="EnsureRoom"/> checks the workspace can hold what
/// they make when this task makes all of it (a long source cut into chunks needs far less here).
/// </summary>
internal sealed class PlanStage(ILogger logger)
{
    public static void EnsureRoom(ProbedSource probed, PlannedLadder plan, JobSubject subject, JobWorkspace workspace) =>
        workspace.EnsureFreeSpace(DiskBudget.ForOutputs(plan.Plans, probed.Media.Duration, subject.Request.Formats), "the renditions");

    public PlannedLadder Run(ProbedSource probed, JobSubject subject)
    {
        var media = probed.Media;
        var ladder = subject.Request.Ladder;
        var plans = new LadderPlanner(ladder).PlanFor(media);
        logger.LogInformation(
            "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate:0.###} fps, {Duration:0.###} s, {AudioTracks} audio track(s); renditions {Renditions} at {PlannedRate} fps",
            subject.Source.Uri, media.Container, media.Video.Codec, media.Video.Width, media.Video.Height,
            media.Video.DisplayWidth, media.Video.DisplayHeight, media.Video.FrameRate.Value, media.Duration.TotalSeconds,
            media.AudioStreams.Count, string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")), plans[0].FrameRate);

        return new PlannedLadder(plans, AudioPlan.For(plans), ladder.Encoder);
    }
}
