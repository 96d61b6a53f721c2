using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>
/// The per-title analysis: for each window of <see cref="AnalysisSampling"/>, one ffmpeg decodes the source's window
/// once and encodes every planned rung at each factor tried (the rung's own encoder options, so a trial predicts the
/// encode), and a second one scores every trial against the window as a viewer sees it. An analysis that cannot run
/// returns null: the job then makes the fixed ladder, and the log says why.
/// </summary>
internal sealed class TitleAnalyzer(IFfmpegRunner runner, ILogger logger)
{
    /// <param name="crfs">The factors to try, for each plan.</param>
    public async Task<TitleAnalysis?> AnalyzeAsync(
        SourceInput input, SourceMedia media, IReadOnlyList<RenditionPlan> plans, EncoderSettings encoder, IReadOnlyList<IReadOnlyList<int>> crfs, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var rate = plans[0].FrameRate;
        var windows = SampledWindows.For(AnalysisSampling.Rule, media.Duration, rate, 0, media.Packets?.Keyframes);
        var trials = plans.SelectMany((_, rung) => crfs[rung].Select(crf => (Rung: rung, Crf: crf))).ToList();
        var bits = new double[trials.Count];
        var scores = trials.Select(_ => new QualityScores()).ToList();
        foreach (var (window, number) in windows.Select((w, i) => (w, i)))
        {
            var encodes = trials.Select(t => new FfmpegArguments.TrialEncode(t.Rung, t.Crf, workspace.PathFor($"trial-{number}-{plans[t.Rung].Name}-{t.Crf}.h264"))).ToList();
            var measured = encodes.Select(e => new FfmpegArguments.MeasuredTrial(e.OutputPath, e.OutputPath + ".ssim.log")).ToList();
            try
            {
                if (!await RunAsync(FfmpegArguments.ForTrialEncodes(input, media.Video.Index, plans, encoder, window.SeekPoint(rate), window.Length, encodes), window, cancellationToken)
                    || !await RunAsync(FfmpegArguments.ForTrialQuality(input, media.Video.Index, plans[0], window.SeekPoint(rate), window.Length, measured), window, cancellationToken))
                {
                    return null;
                }

                for (var i = 0; i < trials.Count; i++)
                {
                    bits[i] += new FileInfo(encodes[i].OutputPath).Length * 8.0;
                    QualityStatsFile.ReadSsim(await QualityStatsFile.ReadAndDeleteAsync(measured[i].SsimStatsPath, cancellationToken), scores[i]);
                }
            }
            finally
            {
                encodes.ForEach(e => File.Delete(e.OutputPath));
            }
        }

        return Describe(plans, windows, trials, bits, scores);
    }

    private async Task<bool> RunAsync(IReadOnlyList<string> arguments, QualityWindow window, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, arguments, null, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "Per-title analysis not made (the fixed ladder instead): ffmpeg failed on the window at {Start:0.###} s: {Reason}",
                window.Start.TotalSeconds, result.Describe());
        }

        return result.Succeeded;
    }

    private TitleAnalysis? Describe(
        IReadOnlyList<RenditionPlan> plans, IReadOnlyList<QualityWindow> windows, List<(int Rung, int Crf)> trials, double[] bits, List<QualityScores> scores)
    {
        if (scores.Any(s => s.SsimFrames == 0))
        {
            logger.LogWarning("Per-title analysis not made (the fixed ladder instead): a trial had no frame compared");
            return null;
        }

        var seconds = windows.Sum(w => w.Length.TotalSeconds);
        var curves = plans.Select((plan, rung) => new RungCurve(
            plan,
            [.. trials.Select((t, i) => (t, i)).Where(x => x.t.Rung == rung).Select(x => new TrialPoint(x.t.Crf, bits[x.i] / seconds, scores[x.i].SsimDecibels))])).ToList();
        foreach (var curve in curves)
        {
            logger.LogInformation(
                "Analysed {Rendition}: {Trials}", curve.Plan.Name,
                string.Join(", ", curve.Points.Select(p => FormattableString.Invariant($"CRF {p.Crf} {p.BitRate / 1000:0} kb/s {p.SsimDb:0.00} dB"))));
        }

        return new TitleAnalysis(curves, windows, plans[0]);
    }
}
