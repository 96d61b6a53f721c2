using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Chooses the renditions and the audio tracks for this source. With the per-title analysis, each rung gets the factor
/// <see cref="LadderChooser"/> chose and the rungs it dropped go. <see cref="EnsureRoom"/> checks the workspace can hold
/// what they make when this task makes all of it (a long source cut into chunks needs far less here).
/// </summary>
internal sealed class PlanStage(ILogger logger)
{
    public static void EnsureRoom(ProbedSource probed, PlannedLadder plan, JobSubject subject, JobWorkspace workspace) =>
        workspace.EnsureFreeSpace(DiskBudget.ForOutputs(plan.Plans, plan.Audio, probed.Media.Duration, subject.Request.Formats), "the renditions");

    public PlannedLadder Run(ProbedSource probed, JobSubject subject, TitleAnalysis? analysis)
    {
        var media = probed.Media;
        var ladder = subject.Request.Ladder;
        var decision = analysis is null ? null : LadderChooser.Choose(analysis, ladder);
        var plans = decision?.Plans ?? new LadderPlanner(ladder).PlanFor(media);
        // The audio renditions take the best audio bitrate of the planned rungs (of the ladder, with no rung planned).
        var audio = AudioTrackPlanner.Plan(media, plans.Count > 0 ? plans.Max(p => p.AudioKbps) : ladder.Renditions.Max(r => r.AudioKbps));
        if (media.Video is { } video)
        {
            logger.LogInformation(
                "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate:0.###} fps, {Duration:0.###} s; renditions {Renditions} at {PlannedRate} fps",
                subject.Source.Uri, media.Container, video.Codec, video.Width, video.Height,
                video.DisplayWidth, video.DisplayHeight, video.FrameRate.Value, media.Duration.TotalSeconds,
                string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")), plans[0].FrameRate);
        }
        else
        {
            logger.LogInformation("Source {Source}: {Container}, audio only, {Duration:0.###} s", subject.Source.Uri, media.Container, media.Duration.TotalSeconds);
        }

        if (media.Video is not null && ladder.Codecs.HasFlag(VideoCodecs.Av1) && plans.All(p => p.Codec != VideoCodecs.Av1))
        {
            logger.LogWarning(
                "AV1 was asked for, but none of this source's rungs has an AV1 twin in the ladder (or its picture is under {MinSide} px): H.264 only",
                Av1Settings.MinSide);
        }

        LogAudio(audio, media.AudioStreams.Count);
        return new PlannedLadder(plans, audio, ladder.Encoder) { Decision = decision };
    }

    private void LogAudio(AudioTracks audio, int streams)
    {
        logger.LogInformation(
            "Audio: {Kept} of {Streams} track(s) delivered: {Tracks}",
            audio.Kept.Count, streams, string.Join(", ", audio.Kept.Select(a => $"{a.Name} ({a.Facts.Label}, {a.Facts.RoleName})")));
        foreach (var skipped in audio.Skipped)
        {
            logger.LogInformation("Audio stream {Index} skipped: {Reason}", skipped.Index, skipped.Reason);
        }
    }
}
