using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Manifest;

/// <summary>How the ladder was chosen, as the manifest records it: each rendition's rate control, the rungs dropped and the analysis.</summary>
internal static class LadderRecord
{
    public static ManifestRateControl RateControlOf(RenditionPlan made, PlannedLadder plan)
    {
        var choice = plan.Decision?.Kept.FirstOrDefault(k => k.Plan.Name == made.Name);
        return new ManifestRateControl(
            ManifestRateControl.CappedCrf,
            // Its own factor (per-title), else the ladder's for its codec.
            made.Crf ?? plan.Encoder.CrfFor(made.Codec),
            made.VideoKbps,
            made.BufferKbits,
            choice is null ? null : Math.Round(choice.TargetSsimDb, 3),
            choice is null ? null : Math.Round(choice.PredictedSsimDb, 3),
            choice is null ? null : (long)Math.Round(choice.PredictedBitRate),
            choice is null ? null : Math.Round(choice.TargetPsnrDb, 3),
            choice is null ? null : Math.Round(choice.PredictedPsnrDb, 3));
    }

    public static ManifestLadder Of(PlannedLadder plan) =>
        plan.Decision is not { } decision
            ? new ManifestLadder(LadderModes.Name(LadderMode.Fixed), [], null)
            : new ManifestLadder(
                LadderModes.Name(LadderMode.PerTitle),
                [.. decision.Dropped.Select(DroppedOf)],
                AnalysisOf(decision.Analysis));

    private static ManifestDroppedRendition DroppedOf(DroppedRung dropped) => new(
        dropped.Rung.Plan.Name,
        dropped.Rung.Plan.Width,
        dropped.Rung.Plan.Height,
        dropped.Reason,
        dropped.Rung.Crf,
        Math.Round(dropped.Rung.PredictedSsimDb, 3),
        Math.Round(dropped.Rung.PredictedPsnrDb, 3),
        (long)Math.Round(dropped.Rung.PredictedBitRate),
        dropped.Kept.Plan.Name);

    private static ManifestAnalysis AnalysisOf(TitleAnalysis analysis) => new(
        ManifestAnalysis.TrialEncodes,
        analysis.Reference.Width,
        analysis.Reference.Height,
        Math.Round(analysis.Windows.Sum(w => w.Length.TotalSeconds), 3),
        [.. analysis.Windows.Select(w => new ManifestQualityWindow(Math.Round(w.Start.TotalSeconds, 3), Math.Round(w.Length.TotalSeconds, 3)))],
        [.. analysis.Rungs.Select(r => new ManifestRungAnalysis(
            r.Plan.Name,
            r.Plan.Width,
            r.Plan.Height,
            [.. r.Points.Select(p => new ManifestTrial(p.Crf, (long)Math.Round(p.BitRate), Math.Round(p.SsimDb, 3), Math.Round(p.PsnrDb, 3)))]))]);
}
