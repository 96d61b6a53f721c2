using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// The per-title ladder's first step, between probe and plan: trial encodes of sampled windows of the source, every
/// rung the plan would have at the factors <see cref="LadderChooser"/> weighs (<see cref="TitleAnalyzer"/>). Null in
/// the fixed ladder, or when the analysis could not run (the plan is then the fixed ladder).
/// </summary>
internal sealed class AnalyzeStage(IFfmpegRunner runner, ILogger logger)
{
    public async Task<TitleAnalysis?> RunAsync(ProbedSource probed, Ladder ladder, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        if (ladder.Mode != LadderMode.PerTitle)
        {
            return null;
        }

        // The trials are x264's: the AV1 twins follow their H.264 rung (PlanStage), they are not weighed themselves.
        var plans = new LadderPlanner(ladder).PlanFor(probed.Media).Where(p => p.Codec == VideoCodecs.H264).ToList();
        if (plans.Count == 0)
        {
            // An audio-only source: no picture to weigh.
            return null;
        }

        var crfs = plans.Select((plan, rung) => LadderChooser.TrialCrfs(ladder.Encoder.Crf, LadderChooser.AllowanceOf(plan, top: rung == 0))).ToList();
        return await new TitleAnalyzer(runner, logger).AnalyzeAsync(probed.Input, probed.Media, plans, ladder.Encoder, crfs, workspace, cancellationToken);
    }
}
