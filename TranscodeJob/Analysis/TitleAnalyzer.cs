using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>
/// The per-title analysis: the windows of <see cref="AnalysisSampling"/>, joined, encoded for every planned rung at each
/// factor tried by one ffmpeg (the rung's own encoder options, so a trial predicts the encode), then scored by a second
/// one against the same windows as a viewer sees them (the largest rung's pictures, which the first one keeps raw when
/// they fit <see cref="RawReference"/>'s budget). An analysis that cannot run returns null: the job then makes the
/// fixed ladder, and the log says why.
/// </summary>
/// <param name="keptReferenceBytes">The most disk the trials' raw reference may take (<see cref="RawReference.MaxBytes"/>).</param>
internal sealed class TitleAnalyzer(IFfmpegRunner runner, ILogger logger, long keptReferenceBytes = RawReference.MaxBytes)
{
    /// <param name="crfs">The factors to try, for each plan.</param>
    public async Task<TitleAnalysis?> AnalyzeAsync(
        SourceInput input, SourceMedia media, IReadOnlyList<RenditionPlan> plans, EncoderSettings encoder, IReadOnlyList<IReadOnlyList<int>> crfs, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var video = media.Video ?? throw new ArgumentException("an audio-only source has no picture to analyse", nameof(media));
        var rate = plans[0].FrameRate;
        // Over the picture's frames: where the last one is only held (a 2 s picture under 10 s of sound), a window
        // finds no frame to try, and the analysis failed.
        var pictured = media.Duration - media.LastFrameHold + TimeSpan.FromSeconds(1 / rate.Value);
        var windows = SampledWindows.For(
            AnalysisSampling.Rule, pictured < media.Duration ? pictured : media.Duration, rate, encoder.GopSeconds, staggered: false, media.Packets?.Keyframes);
        var reads = windows.Select(w => new FfmpegArguments.SourceWindow(w.SeekPoint(rate), w.Length)).ToList();
        // A trial is a stretch of the source, not its end: a held last frame is not held.
        var heads = plans.Select(p => p with { LastFrameHold = TimeSpan.Zero }).ToList();
        var trials = plans.SelectMany((plan, rung) => crfs[rung].Select(crf =>
            new FfmpegArguments.TrialEncode(rung, crf, workspace.PathFor($"trial-{plan.Name}-{crf}.{FfmpegArguments.TrialFormat(plan.Codec)}")))).ToList();
        var measured = trials.Select(t => new FfmpegArguments.MeasuredTrial(
            t.OutputPath, t.OutputPath + ".ssim.log", t.OutputPath + ".psnr.log", FfmpegArguments.TrialFormat(plans[t.Rung].Codec))).ToList();
        var frames = (long)Math.Ceiling(windows.Sum(w => w.Length.TotalSeconds) * rate.Value) + windows.Count;
        var reference = RawReference.Fits(RawReference.BytesFor(heads[0], frames), workspace, keptReferenceBytes) ? workspace.PathFor("trial-reference.nut") : null;
        try
        {
            var scoring = reference is null
                ? FfmpegArguments.ForTrialQuality(input, video.Index, heads[0], reads, measured)
                : FfmpegArguments.ForTrialQuality(reference, heads[0], measured);
            if (!await RunAsync(FfmpegArguments.ForTrialEncodes(input, video.Index, heads, encoder, reads, trials, reference), cancellationToken)
                || !await RunAsync(scoring, cancellationToken))
            {
                return null;
            }

            var points = new List<TrialPoint>(trials.Count);
            var seconds = windows.Sum(w => w.Length.TotalSeconds);
            foreach (var (trial, i) in trials.Select((t, i) => (t, i)))
            {
                var scores = new QualityScores();
                QualityStatsFile.ReadSsim(await QualityStatsFile.ReadAndDeleteAsync(measured[i].SsimStatsPath, cancellationToken), scores);
                QualityStatsFile.ReadPsnr(await QualityStatsFile.ReadAndDeleteAsync(measured[i].PsnrStatsPath, cancellationToken), scores);
                if (scores.SsimFrames == 0 || scores.PsnrFrames == 0)
                {
                    logger.LogWarning("Per-title analysis not made (the fixed ladder instead): no frame of {Rendition} at CRF {Crf} was compared", plans[trial.Rung].Name, trial.Crf);
                    return null;
                }

                points.Add(new TrialPoint(trial.Crf, new FileInfo(trial.OutputPath).Length * 8.0 / seconds, scores.SsimDecibels, scores.Psnr));
            }

            return Describe(plans, windows, trials, points);
        }
        finally
        {
            trials.ForEach(t => File.Delete(t.OutputPath));
            if (reference is not null)
            {
                File.Delete(reference);
            }
        }
    }

    private async Task<bool> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, arguments, null, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Per-title analysis not made (the fixed ladder instead): ffmpeg failed: {Reason}", result.Describe());
        }

        return result.Succeeded;
    }

    private TitleAnalysis Describe(
        IReadOnlyList<RenditionPlan> plans, IReadOnlyList<QualityWindow> windows, List<FfmpegArguments.TrialEncode> trials, List<TrialPoint> points)
    {
        var curves = plans.Select((plan, rung) => new RungCurve(plan, [.. points.Where((_, i) => trials[i].Rung == rung)])).ToList();
        foreach (var curve in curves)
        {
            logger.LogInformation(
                "Analysed {Rendition}: {Trials}", curve.Plan.Name,
                string.Join(", ", curve.Points.Select(p => FormattableString.Invariant($"CRF {p.Crf} {p.BitRate / 1000:0} kb/s SSIM {p.SsimDb:0.00} dB PSNR {p.PsnrDb:0.00} dB"))));
        }

        return new TitleAnalysis(curves, windows, plans[0]);
    }
}
