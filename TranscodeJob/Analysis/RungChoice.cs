using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>One rung's factor as the per-title ladder chose it, with its targets and what the trials predict there.</summary>
/// <param name="Plan">The rung, its factor set (<see cref="RenditionPlan.Crf"/>).</param>
/// <param name="TargetSsimDb">The quality it had to keep: its SSIM dB at the ladder's factor less its allowance.</param>
/// <param name="TargetPsnrDb">Its PSNR at the ladder's factor less the same allowance.</param>
/// <param name="PredictedBitRate">Bits per second.</param>
internal sealed record RungChoice(
    RenditionPlan Plan, double TargetSsimDb, double PredictedSsimDb, double TargetPsnrDb, double PredictedPsnrDb, double PredictedBitRate)
{
    public int Crf => Plan.Crf ?? 0;
}
