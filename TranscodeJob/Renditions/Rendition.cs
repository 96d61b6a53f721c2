namespace Transcoder.TranscodeJob.Renditions;

/// <summary>One rung of the ladder: a target height (the picture's short side) and its bitrate caps.</summary>
/// <param name="Height">
/// The short side in pixels: "720p" is 1280×720 for a landscape source and 720×1280 for a portrait one.
/// </param>
/// <param name="VideoKbps">Peak video bitrate (VBV maxrate) at up to 30 fps; 1.5× above 30 fps.</param>
internal sealed record Rendition(string Name, int Height, int VideoKbps, int AudioKbps)
{
    /// <summary>
    /// Per-title: how much SSIM (dB) the rung may lose against its picture at the ladder's factor to save bits; null
    /// for the default of its place (<c>Analysis/LadderChooser</c>).
    /// </summary>
    public double? MaxLossDb { get; init; }

    /// <summary>
    /// The AV1 twin's peak video bitrate, as <see cref="VideoKbps"/>; null when this rung offers no AV1 (AV1 is made
    /// only on the rungs where it pays: bench/README.md).
    /// </summary>
    public int? Av1Kbps { get; init; }
}
