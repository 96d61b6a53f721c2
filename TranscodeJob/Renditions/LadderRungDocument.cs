namespace Transcoder.TranscodeJob.Renditions;

internal sealed class LadderRungDocument
{
    public string? Name { get; set; }

    public int Height { get; set; }

    public int VideoKbps { get; set; }

    public int AudioKbps { get; set; } = 128;

    /// <summary>The AV1 twin's cap; absent: this rung has no AV1 twin.</summary>
    public int? Av1Kbps { get; set; }
}
