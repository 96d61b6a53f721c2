namespace Transcoder.Shared.Outputs;

/// <summary>The source's video stream as probed: coded size, displayed size and what changed between them.</summary>
/// <param name="Codec">The codec as ffprobe names it (<c>h264</c>, <c>hevc</c>).</param>
/// <param name="Width">Coded width in pixels.</param>
/// <param name="Height">Coded height in pixels.</param>
/// <param name="DisplayWidth">Width as shown: pixel aspect and rotation applied.</param>
/// <param name="DisplayHeight">Height as shown: pixel aspect and rotation applied.</param>
/// <param name="SampleAspectRatio">The pixel aspect ratio, <c>1:1</c> for square pixels.</param>
/// <param name="Rotation">The display rotation in degrees (0, 90, 180, 270).</param>
/// <param name="FrameRate">The frame rate as a number or a ratio (<c>30</c>, <c>30000/1001</c>).</param>
/// <param name="PixelFormat">The pixel format (<c>yuv420p</c>).</param>
/// <param name="ColorTransfer">The transfer characteristic (<c>smpte2084</c> for PQ), when the stream names one.</param>
public sealed record ManifestVideo(
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
