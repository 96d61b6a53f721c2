namespace Transcoder.TranscodeJob.Analysis;

/// <summary>What one rung cost and reached over the analysis's windows at one factor.</summary>
/// <param name="BitRate">Bits per second of the trial's pictures.</param>
/// <param name="SsimDb">SSIM dB at the reference size, as the manifest measures the renditions.</param>
/// <param name="PsnrDb">PSNR at the reference size, the same way.</param>
internal sealed record TrialPoint(int Crf, double BitRate, double SsimDb, double PsnrDb);
