namespace Transcoder.TranscodeJob.Renditions;

internal sealed class LadderRungDocument
{
    public string? Name { get; set; }

    public int Height { get; set; }

    public int VideoKbps { get; set; }

    public int AudioKbps { get; set; } = 128;

    /// <summary>Per-title: the SSIM (dB) the rung may lose against the ladder's factor to save bits; absent: its place's default.</summary>
    public double? MaxLossDb { get; set; }

    /// <summary>The AV1 twin's cap; absent: this rung has no AV1 twin.</summary>
    public int? Av1Kbps { get; set; }
}
