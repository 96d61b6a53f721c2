namespace Transcoder.TranscodeJob.Probing;

internal sealed class FfprobeFormat
{
    public string? FormatName { get; set; }

    public double? Duration { get; set; }

    public long? Size { get; set; }

    public long? BitRate { get; set; }
}
