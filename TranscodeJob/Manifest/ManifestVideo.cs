namespace Transcoder.TranscodeJob.Manifest;

/// <summary>The source's video stream as probed: coded size, displayed size and what changed between them.</summary>
internal sealed record ManifestVideo(
    string Codec,
    int Width,
    int Height,
    int DisplayWidth,
    int DisplayHeight,
    string SampleAspectRatio,
    int Rotation,
    string FrameRate,
    string PixelFormat,
    string? ColorTransfer);
