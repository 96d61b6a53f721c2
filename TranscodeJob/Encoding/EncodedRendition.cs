using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>A rendition's CMAF video track on disk, described by probing the file itself rather than trusting the plan.</summary>
/// <param name="BitRate">Measured average bitrate of the video track, bits per second.</param>
internal sealed record EncodedRendition(
    RenditionPlan Plan,
    string Path,
    int Width,
    int Height,
    TimeSpan Duration,
    long Size,
    long BitRate)
{
    /// <summary>Peak bitrate of the video track, bits per second: its largest fragment (a GOP) over that fragment's duration.</summary>
    public long PeakBitRate { get; init; }
}
