namespace Transcoder.TranscodeJob.Renditions;

internal sealed class LadderRungDocument
{
    public string? Name { get; set; }

    public int Height { get; set; }

    public int VideoKbps { get; set; }

    public int AudioKbps { get; set; } = 128;
}
