using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>Chooses the renditions and the audio for this source, and checks the workspace can hold what they make.</summary>
internal sealed class PlanStage(ILogger logger)
{
    public PlannedLadder Run(ProbedSource probed, JobSubject subject, JobWorkspace workspace)
    {
        var media = probed.Media;
        var ladder = subject.Request.Ladder;
        var plans = new LadderPlanner(ladder).PlanFor(media);
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
        return new PlannedLadder(plans, AudioPlan.For(plans), ladder.Encoder);
    }
}
