namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// Per-frame SSIM and PSNR figures of one rendition, summed across windows. SSIM is the mean of the frames' SSIM
/// (ffmpeg's "All", the Y, U and V planes weighted by their size); PSNR is computed from the mean of the frames' MSE, as
/// ffmpeg's own average is, so a frame identical to its reference (MSE 0, PSNR infinite) counts instead of breaking the mean.
/// </summary>
internal sealed class QualityScores
{
    /// <summary>The figure written for a perfect match, whose dB value is infinite (JSON has no infinity).</summary>
    public const double MaxDecibels = 100;

    private double _ssimSum;
    private double _mseSum;

    public int SsimFrames { get; private set; }

    public int PsnrFrames { get; private set; }

    public double Ssim => SsimFrames == 0 ? double.NaN : _ssimSum / SsimFrames;

    /// <summary>−10·log10(1 − SSIM): the same figure on a scale where equal steps look alike.</summary>
    public double SsimDecibels => ToDecibels(1 - Ssim, 1);

    public double Psnr => PsnrFrames == 0 ? double.NaN : ToDecibels(_mseSum / PsnrFrames, 255.0 * 255.0);

    public void AddSsim(double ssim)
    {
        _ssimSum += ssim;
        SsimFrames++;
    }

    public void AddMse(double mse)
    {
        _mseSum += mse;
        PsnrFrames++;
    }

    private static double ToDecibels(double error, double peak) =>
        error <= 0 ? MaxDecibels : Math.Min(MaxDecibels, 10 * Math.Log10(peak / error));
}
