namespace Transcoder.TranscodeJob.Probing;

/// <summary>The source's video stream as stored (coded size) plus what a player shows (display size).</summary>
/// <param name="Rotation">Clockwise degrees a player turns the picture: 0, 90, 180 or 270.</param>
/// <param name="FrameRate">The average frame rate, or the stream's base rate when the average is unknown.</param>
/// <param name="FieldOrder">ffprobe's field order: <c>progressive</c>, <c>tt</c>, <c>bb</c>, ... or null.</param>
internal sealed record VideoStreamInfo(
    int Index,
    string Codec,
    int Width,
    int Height,
    Rational SampleAspectRatio,
    int Rotation,
    Rational FrameRate,
    string PixelFormat,
    string? ColorTransfer,
    string? ColorPrimaries,
    string? ColorSpace,
    string? FieldOrder)
{
    /// <summary>Width a player shows: anamorphic pixels stretched, then rotation applied.</summary>
    public int DisplayWidth => IsQuarterTurn ? StretchedHeight : StretchedWidth;

    /// <summary>Height a player shows.</summary>
    public int DisplayHeight => IsQuarterTurn ? StretchedWidth : StretchedHeight;

    public bool IsQuarterTurn => Rotation is 90 or 270;

    /// <summary>PQ (HDR10) or HLG: needs tone mapping to look right on an SDR screen.</summary>
    public bool IsHdr => ColorTransfer is "smpte2084" or "arib-std-b67";

    public bool IsInterlaced => FieldOrder is "tt" or "bb" or "tb" or "bt";

    private Rational Sar => SampleAspectRatio.IsPositive ? SampleAspectRatio : Rational.One;

    private int StretchedWidth => (int)Math.Round(Width * Sar.Value);

    private int StretchedHeight => Height;
}
