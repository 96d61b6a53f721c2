using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>A rendition on disk, described by probing the file itself rather than trusting the plan.</summary>
public sealed record EncodedRendition(
    RenditionPlan Plan,
    string Path,
    int Width,
    int Height,
    TimeSpan Duration,
    long Size,
    long BitRate,
    bool HasAudio);
