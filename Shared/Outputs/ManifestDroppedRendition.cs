namespace Transcoder.Shared.Outputs;

/// <summary>A rung of the plan that the per-title ladder did not make, and why.</summary>
/// <param name="Name">The rung's name (<c>1080p</c>).</param>
/// <param name="Width">The size it would have had.</param>
/// <param name="Height">The size it would have had.</param>
/// <param name="Reason">Why, in a sentence with the figures.</param>
/// <param name="Crf">The factor it would have had.</param>
/// <param name="PredictedSsimDb">Its predicted quality at that factor, SSIM dB at the reference size.</param>
/// <param name="PredictedPsnrDb">The same as PSNR.</param>
/// <param name="PredictedBitrate">Its predicted bit rate at that factor, bits per second.</param>
/// <param name="Kept">The next smaller rung, kept, that makes it redundant.</param>
public sealed record ManifestDroppedRendition(
    string Name,
    int Width,
    int Height,
    string Reason,
    double Crf,
    double PredictedSsimDb,
    double PredictedPsnrDb,
    long PredictedBitrate,
    string Kept);
