namespace Transcoder.Shared.Outputs;

/// <summary>One rendition's measured quality in a done event: the summary of its <see cref="ManifestQuality"/>.</summary>
/// <param name="Name">The rendition (<c>720p</c>).</param>
/// <param name="Ssim">Mean SSIM, 0–1 (ffmpeg's <c>ssim</c>, not VMAF).</param>
/// <param name="SsimDb">−10·log10(1 − SSIM).</param>
/// <param name="Psnr">PSNR in dB.</param>
/// <param name="Bitrate">The video track's average bitrate, bits per second.</param>
public sealed record JobEventQuality(string Name, double Ssim, double SsimDb, double Psnr, long Bitrate);
