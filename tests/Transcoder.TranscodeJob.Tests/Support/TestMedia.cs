using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>Probed-source values for unit tests, with the defaults of an ordinary phone or camera file.</summary>
internal static class TestMedia
{
    public static readonly AudioStreamInfo Stereo = new(1, "aac", 2, 48000, "eng", IsDefault: true);

    public static SourceMedia Source(
        int width,
        int height,
        int rotation = 0,
        Rational? sar = null,
        Rational? frameRate = null,
        string pixelFormat = "yuv420p",
        string? colorTransfer = null,
        string? fieldOrder = "progressive",
        IReadOnlyList<AudioStreamInfo>? audio = null,
        double seconds = 10) =>
        new(
            "mov,mp4,m4a,3gp,3g2,mj2",
            TimeSpan.FromSeconds(seconds),
            5_000_000,
            new VideoStreamInfo(
                0, "h264", width, height, sar ?? Rational.One, rotation, frameRate ?? new Rational(30, 1), pixelFormat,
                colorTransfer, null, null, fieldOrder),
            audio ?? [Stereo]);
}
