using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>
/// One rung's trials, by factor: between two trials, the quality is interpolated linearly in the factor and the bit
/// rate linearly in its logarithm (x264's rate about halves every 6 steps of CRF); outside them, the nearest trial's.
/// </summary>
internal sealed record RungCurve(RenditionPlan Plan, IReadOnlyList<TrialPoint> Points)
{
    public double SsimDbAt(int crf) => Interpolate(crf, p => p.SsimDb);

    public double PsnrDbAt(int crf) => Interpolate(crf, p => p.PsnrDb);

    public double BitRateAt(int crf) => Math.Exp(Interpolate(crf, p => Math.Log(Math.Max(1, p.BitRate))));

    private double Interpolate(int crf, Func<TrialPoint, double> value)
    {
        var sorted = Points.OrderBy(p => p.Crf).ToList();
        if (crf <= sorted[0].Crf)
        {
            return value(sorted[0]);
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            if (crf <= sorted[i].Crf)
            {
                var t = (double)(crf - sorted[i - 1].Crf) / (sorted[i].Crf - sorted[i - 1].Crf);
                return value(sorted[i - 1]) + (t * (value(sorted[i]) - value(sorted[i - 1])));
            }
        }

        return value(sorted[^1]);
    }
}
