namespace Transcoder.Shared.Outputs;

/// <summary>
/// How one rendition's bits were spent: a constant rate factor under a VBV cap (capped CRF). In the per-title ladder
/// the factor is the rung's own, chosen by the analysis to reach its quality target; in the fixed ladder it is the
/// ladder's, the same for every rung.
/// </summary>
/// <param name="Method">The rate control: <c>capped-crf</c>.</param>
/// <param name="Crf">The constant rate factor, on the rung's encoder's scale (x264: 0–51).</param>
/// <param name="MaxKbps">The VBV cap (maxrate), kb/s: the ceiling whatever the factor.</param>
/// <param name="BufferKbits">The VBV buffer (bufsize), kilobits.</param>
/// <param name="TargetSsimDb">Per-title: the rung's quality target, SSIM dB at the reference size; null in the fixed ladder.</param>
/// <param name="PredictedSsimDb">Per-title: the quality the analysis predicted at <paramref name="Crf"/>; null in the fixed ladder.</param>
/// <param name="PredictedBitrate">Per-title: the bit rate the analysis predicted at <paramref name="Crf"/>, bits per second; null in the fixed ladder.</param>
/// <param name="TargetPsnrDb">Per-title: the rung's PSNR target (its PSNR at the ladder's factor less the same allowance); null in the fixed ladder.</param>
/// <param name="PredictedPsnrDb">Per-title: the PSNR the analysis predicted at <paramref name="Crf"/>; null in the fixed ladder.</param>
public sealed record ManifestRateControl(
    string Method,
    double Crf,
    int MaxKbps,
    int BufferKbits,
    double? TargetSsimDb,
    double? PredictedSsimDb,
    long? PredictedBitrate,
    double? TargetPsnrDb = null,
    double? PredictedPsnrDb = null)
{
    /// <summary>The one method the job uses: CRF under the VBV cap.</summary>
    public const string CappedCrf = "capped-crf";
}
