namespace Transcoder.Shared.Outputs;

/// <summary>One trial encode of a rung over the analysis's windows.</summary>
/// <param name="Crf">The factor tried.</param>
/// <param name="Bitrate">What the windows cost at it, bits per second.</param>
/// <param name="SsimDb">The quality they reached, SSIM dB at the reference size.</param>
/// <param name="PsnrDb">The same as PSNR.</param>
public sealed record ManifestTrial(double Crf, long Bitrate, double SsimDb, double PsnrDb);
