namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// The untrusted source as ffmpeg and ffprobe open it: the file, and the largest picture its decoders may produce
/// (<c>-max_pixels</c>; a stream can switch to a huge size after the part that was probed).
/// </summary>
internal sealed record SourceInput(string Path, long MaxPixelsPerFrame)
{
    /// <summary>
    /// How long after the container's start its first picture or sound comes (see <c>SourceMedia.LeadIn</c>): the
    /// encodes start their timeline there, not at a subtitle or data packet that came first.
    /// </summary>
    public TimeSpan LeadIn { get; init; }
}
