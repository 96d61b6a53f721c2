namespace Transcoder.TranscodeJob.Probing;

internal sealed class FfprobeFormat
{
    public string? FormatName { get; set; }

    public double? Duration { get; set; }

    /// <summary>Where the container's timeline starts: the earliest stream's first timestamp (ffmpeg's output zero).</summary>
    public double? StartTime { get; set; }

    public long? Size { get; set; }

    public long? BitRate { get; set; }
}
