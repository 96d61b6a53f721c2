namespace Transcoder.TranscodeJob.Probing;

/// <summary>The subset of <c>ffprobe -print_format json -show_format -show_streams</c> the job reads.</summary>
internal sealed class FfprobeOutput
{
    public List<FfprobeStream>? Streams { get; set; }

    public FfprobeFormat? Format { get; set; }
}
