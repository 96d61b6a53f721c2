namespace Transcoder.Shared.Outputs;

/// <summary>
/// The quality one rendition reached, measured by the job against the source as a viewer sees it: the rendition
/// scaled (bicubic) to the top rendition's size, frame for frame at its frame rate, against the source through the
/// encode's own filters (deinterlaced, at the planned rate, tone-mapped for HDR). The metrics are ffmpeg's
/// <c>ssim</c> and <c>psnr</c>, not VMAF.
/// </summary>
/// <param name="Ssim">Mean SSIM of the measured frames (Y, U and V by their size), 0–1.</param>
/// <param name="SsimDb">The same as −10·log10(1 − SSIM); 100 for an exact match.</param>
/// <param name="Psnr">PSNR in dB from the mean squared error of the measured frames; 100 for an exact match.</param>
/// <param name="ReferenceWidth">The size both pictures were compared at: the top rendition's.</param>
/// <param name="ReferenceHeight">The size both pictures were compared at: the top rendition's.</param>
/// <param name="SampledFrames">How many frames were compared.</param>
/// <param name="SampledSeconds">How much of the timeline the windows cover.</param>
/// <param name="Windows">The windows measured, spread over the source; one window from 0 is the whole source.</param>
public sealed record ManifestQuality(
    double Ssim,
    double SsimDb,
    double Psnr,
    int ReferenceWidth,
    int ReferenceHeight,
    int SampledFrames,
    double SampledSeconds,
    IReadOnlyList<ManifestQualityWindow> Windows)
{
    /// <summary>Equal when every figure and every window is: a manifest read back equals the one written.</summary>
    public bool Equals(ManifestQuality? other) =>
        other is not null
        && (Ssim, SsimDb, Psnr, ReferenceWidth, ReferenceHeight, SampledFrames, SampledSeconds)
           == (other.Ssim, other.SsimDb, other.Psnr, other.ReferenceWidth, other.ReferenceHeight, other.SampledFrames, other.SampledSeconds)
        && Windows.SequenceEqual(other.Windows);

    /// <summary>From the figures and the number of windows, consistent with <see cref="Equals(ManifestQuality?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Ssim, SsimDb, Psnr, SampledFrames, Windows.Count);
}
