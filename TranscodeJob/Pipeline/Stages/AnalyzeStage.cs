using Microsoft.Extensions.Logging;
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

        var plans = new LadderPlanner(ladder).PlanFor(probed.Media);
        if (plans.Count == 0)
        {
            // An audio-only source: no picture to weigh.
            return null;
        }

        // A twin's allowance is its rung's: the top rung's twin may lose no more than the top rung.
        var crfs = plans.Select(plan => LadderChooser.TrialCrfs(plan, ladder.Encoder, top: plan.RungName == plans[0].Name)).ToList();
        return await new TitleAnalyzer(runner, logger).AnalyzeAsync(probed.Input, probed.Media, plans, ladder.Encoder, crfs, workspace, cancellationToken);
    }
}
