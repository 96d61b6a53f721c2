namespace Transcoder.TranscodeJob.Renditions;

/// <summary>SVT-AV1 settings shared by every AV1 rendition of a ladder (capped CRF, as the H.264 rungs).</summary>
/// <param name="Preset">
/// SVT-AV1's preset, 0 (slowest) to 13. Chosen by <c>bench/av1_presets.py</c> over the content set
/// (bench/README.md): the preset that meets both targets (BD-rate at most −20% by SSIM, the job at most 3× the CPU of
/// H.264 alone) on the most rungs; preset 10 keeps the saving only at 360p, preset 12 nowhere.
/// </param>
/// <param name="Crf">
/// SVT-AV1's CRF (1–63) under each rung's AV1 cap: chosen so that an AV1 rung's SSIM is about its H.264 twin's at CRF
/// 23 on the median clip of the content set, so the saving shows up as fewer bits rather than a better picture.
/// </param>
internal sealed record Av1Settings(int Preset = 8, int Crf = 40)
{
    /// <summary>SVT-AV1's presets run from 0 (slowest) to 13.</summary>
    public const int MaxPreset = 13;

    /// <summary>SVT-AV1's CRF scale runs to 63.</summary>
    public const int MaxCrf = 63;

    /// <summary>SVT-AV1 1.4 refuses a picture narrower or shorter than this.</summary>
    public const int MinSide = 64;
}
