using Transcoder.Shared.Jobs;
using System.Globalization;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>
/// The per-title ladder's rules, from the analysis's trials (docs/job.md, "Per-title ladder"; the figures behind them
/// in bench/README.md):
/// <list type="bullet">
/// <item>Each rung keeps a quality target: its quality at the ladder's factor (what the fixed ladder would give it) less
/// its allowance, <see cref="RenditionPlan.MaxLossDb"/> (by default <see cref="TopMaxLossDb"/> for the largest rung
/// made, <see cref="LowerMaxLossDb"/> below), in SSIM dB and in PSNR alike. SSIM alone is blind where the picture is
/// noise: film grain scores about the same SSIM at every factor, because no encode reproduces noise, and by SSIM alone
/// every lower rung of a grainy source went to the highest factor and lost 17–21 VMAF points; its PSNR still falls as
/// the factor rises. It gets the factor that reaches both targets with the fewest bits, between
/// the ladder's factor and <see cref="MaxRaise"/> above it; its VBV cap stays its ceiling. A rung whose picture is
/// limited by its size (text and fine detail scaled down) loses little as its factor rises and saves much; one limited
/// by compression keeps about the ladder's factor; one whose bits do not fall keeps it (bit rates within
/// <see cref="EqualBitsShare"/> count as equal, and the better picture wins).</item>
/// <item>A rung whose predicted quality is within <see cref="DropMarginDb"/> of the next smaller rung made, in SSIM dB
/// and in PSNR, at more bits, adds nothing a viewer sees and is dropped. The smallest rung is never dropped, and none of
/// a request that named its renditions (<see cref="Ladder.RungsNamed"/>).</item>
/// </list>
/// Per-title never spends more on a rung than the fixed ladder would: a factor is only ever raised. AV1 twins are weighed
/// by the same target rule from the ladder's AV1 factor (<see cref="Choose(TitleAnalysis, Ladder)"/>).
/// </summary>
internal static class LadderChooser
{
    /// <summary>The largest rung made for a source: the ladder's best picture is not made worse by default.</summary>
    public const double TopMaxLossDb = 0;

    /// <summary>
    /// The rungs below it: three quarters of a dB, of SSIM and of PSNR. SSIM at the top rung's size sees a lower rung's
    /// size far more than its factor, so the allowance was chosen with VMAF (bench/README.md, "VMAF"): on the sample and
    /// four clips of the content set, 1 dB of SSIM alone cost the lower rungs 7–18 VMAF points for a ladder no better
    /// than 0.5–0.75 dB gives, and the PSNR bound took the grainy clip from 6% more bits than the fixed ladder to 25%
    /// fewer.
    /// </summary>
    public const double LowerMaxLossDb = 0.75;

    /// <summary>The most a factor is raised above the ladder's: x264's bit rate about halves every 6 steps.</summary>
    public const int MaxRaise = 12;

    /// <summary>Two rungs closer than this (SSIM dB and PSNR at the reference size) look the same.</summary>
    public const double DropMarginDb = 0.25;

    /// <summary>Bit rates closer than this share count as the same.</summary>
    public const double EqualBitsShare = 0.03;

    /// <summary>x264's CRF scale runs to 51.</summary>
    private const int MaxX264Crf = 51;

    /// <summary>A rung's allowance: its own, or the default for its place.</summary>
    public static double AllowanceOf(RenditionPlan plan, bool top) => plan.MaxLossDb ?? (top ? TopMaxLossDb : LowerMaxLossDb);

    /// <summary>
    /// The factors to try for a rung: the ladder's alone when it may lose nothing, else also <see cref="MaxRaise"/> above
    /// it. Two suffice: over that range a rung's SSIM dB falls about linearly with the factor and its log bit rate too
    /// (measured on the content set at every third factor: a third trial between them changed no clip's BD-rate by more
    /// than a point, bench/README.md), and each trial costs an encode of the windows.
    /// </summary>
    public static IReadOnlyList<int> TrialCrfs(int ladderCrf, double allowance, int maxCrf = MaxX264Crf) =>
        allowance <= 0 ? [ladderCrf] : [.. new[] { ladderCrf, Math.Min(maxCrf, ladderCrf + MaxRaise) }.Distinct()];

    /// <summary>The factors a rung of this plan's codec is tried at, from the ladder's factor for that codec.</summary>
    public static IReadOnlyList<int> TrialCrfs(RenditionPlan plan, EncoderSettings encoder, bool top) =>
        TrialCrfs(encoder.CrfFor(plan.Codec), AllowanceOf(plan, top), plan.Codec == VideoCodecs.Av1 ? Av1Settings.MaxCrf : MaxX264Crf);

    /// <summary>
    /// The H.264 rungs by the rules above; each AV1 twin gets its own factor by the same target rule (from the ladder's
    /// AV1 factor, with its rung's allowance) and is made when its rung is made: players keep to one codec, so the AV1
    /// ladder is the H.264 ladder's shape.
    /// </summary>
    public static LadderDecision Choose(TitleAnalysis analysis, Ladder ladder)
    {
        var h264 = analysis.Rungs.Where(c => c.Plan.Codec == VideoCodecs.H264).ToList();
        var (kept, dropped) = ChooseH264(h264, ladder.Encoder.Crf, mayDrop: !ladder.RungsNamed);
        var h264Dropped = dropped.ToList();
        foreach (var twin in analysis.Rungs.Where(c => c.Plan.Codec == VideoCodecs.Av1))
        {
            var rung = twin.Plan.RungName;
            var choice = Choose(twin, ladder.Encoder.Av1.Crf, AllowanceOf(twin.Plan, top: rung == h264[0].Plan.Name), Av1Settings.MaxCrf);
            if (h264Dropped.FirstOrDefault(d => d.Rung.Plan.Name == rung) is { } gone)
            {
                dropped.Add(new DroppedRung(choice, gone.Kept, $"goes with its H.264 rung {rung}, dropped"));
            }
            else
            {
                kept.Add(choice);
            }
        }

        return new LadderDecision(kept, dropped, analysis);
    }

    private static (List<RungChoice> Kept, List<DroppedRung> Dropped) ChooseH264(IReadOnlyList<RungCurve> curves, int ladderCrf, bool mayDrop)
    {
        var choices = curves.Select((curve, i) => Choose(curve, ladderCrf, AllowanceOf(curve.Plan, top: i == 0), MaxX264Crf)).ToList();
        var kept = new List<RungChoice> { choices[^1] };
        var dropped = new List<DroppedRung>();
        for (var i = choices.Count - 2; i >= 0; i--)
        {
            var rung = choices[i];
            var smaller = kept[^1];
            if (mayDrop && rung.PredictedSsimDb - smaller.PredictedSsimDb < DropMarginDb && rung.PredictedPsnrDb - smaller.PredictedPsnrDb < DropMarginDb
                && rung.PredictedBitRate > smaller.PredictedBitRate)
            {
                dropped.Add(new DroppedRung(rung, smaller, string.Create(CultureInfo.InvariantCulture,
                    $"within {DropMarginDb} dB SSIM and PSNR of {smaller.Plan.Name} ({rung.PredictedSsimDb:0.00} vs {smaller.PredictedSsimDb:0.00} dB SSIM, {rung.PredictedPsnrDb:0.00} vs {smaller.PredictedPsnrDb:0.00} dB PSNR predicted) at {rung.PredictedBitRate / smaller.PredictedBitRate:0.0}x its bits")));
            }
            else
            {
                kept.Add(rung);
            }
        }

        kept.Reverse();
        dropped.Reverse();
        return (kept, dropped);
    }

    private static RungChoice Choose(RungCurve curve, int ladderCrf, double allowance, int maxCrf)
    {
        var ssimTarget = curve.SsimDbAt(ladderCrf) - allowance;
        var psnrTarget = curve.PsnrDbAt(ladderCrf) - allowance;
        var reaching = Enumerable.Range(ladderCrf, Math.Min(maxCrf, ladderCrf + MaxRaise) - ladderCrf + 1)
            .Where(crf => curve.SsimDbAt(crf) >= ssimTarget - 1e-9 && curve.PsnrDbAt(crf) >= psnrTarget - 1e-9)
            .ToList();
        var fewest = reaching.Min(curve.BitRateAt);
        var best = fewest >= curve.BitRateAt(ladderCrf) * (1 - EqualBitsShare)
            ? ladderCrf
            : reaching.First(crf => curve.BitRateAt(crf) <= fewest * (1 + EqualBitsShare));
        return new RungChoice(curve.Plan with { Crf = best }, ssimTarget, curve.SsimDbAt(best), psnrTarget, curve.PsnrDbAt(best), curve.BitRateAt(best));
    }
}
