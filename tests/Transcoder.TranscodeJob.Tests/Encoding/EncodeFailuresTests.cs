using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Encoding;

public sealed class EncodeFailuresTests
{
    [Test]
    public void From_DecodeError_IsBadInputNamingTheCauseWithTheLinesAsDetail()
    {
        // Act
        var failure = EncodeFailures.From("720p", new FfmpegResult(1, ["[h264 @ 0x1] error while decoding MB 3 4", "Conversion failed!"]));

        // Assert
        Assert.That(failure.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo("ffmpeg failed on 720p: error while decoding MB 3 4"));
        Assert.That(failure.Detail, Is.EqualTo("error while decoding MB 3 4\nConversion failed!"));
    }

    [Test]
    public void From_CauseBuriedUnderScalerWarnings_OneShortLineWithTheCause()
    {
        // Arrange: a 32768x16 MJPEG as ffmpeg reports it, the cause after a wall of warnings.
        string[] stderr =
        [
            .. Enumerable.Repeat("[swscaler @ 0x55d1] [swscaler @ 0x55d2] [warning] deprecated pixel format used, make sure you did set range correctly", 9),
            "[graph 0 input from stream 0:0 @ 0x55d3] [error] invalid width x height (32768x16)",
            "[error] Error reinitializing filters!",
            "[error] Conversion failed!",
        ];

        // Act
        var failure = EncodeFailures.From("180p", new FfmpegResult(1, stderr));

        // Assert
        Assert.That(failure.Message, Is.EqualTo("ffmpeg failed on 180p: invalid width x height (32768x16)"));
        Assert.That(failure.Message.Length, Is.LessThanOrEqualTo(200));
        Assert.That(failure.Detail, Does.Not.Contain("swscaler"), "the detail keeps error-level lines only");
    }

    [Test]
    public void From_DiskFull_IsTransient()
    {
        // Act / Assert
        Assert.That(EncodeFailures.From("720p", new FfmpegResult(1, ["av_interleaved_write_frame(): No space left on device"])).IsRetryable, Is.True);
    }

    [Test]
    public void From_KilledBySignal_IsTransientAndOutOfResources()
    {
        // Act: 137 is SIGKILL, as from the OOM killer.
        var failure = EncodeFailures.From("720p", new FfmpegResult(137, []));

        // Assert
        Assert.That((failure.IsRetryable, failure.IsOutOfResources), Is.EqualTo((true, true)));
    }

    [Test]
    public void ThrowIfFailed_DecoderRefusedPicturesOverThePixelLimit_BadInputNamingTheLimit()
    {
        // Arrange: a TS that probes as 640x360 and switches to 8192x8192; ffmpeg itself exits 0.
        var result = new FfmpegResult(0, ["[out#0] [info] done"])
        {
            FirstErrors = ["[h264 @ 0x1] [IMGUTILS @ 0x2] [error] Picture size 8192x8192 exceeds specified max pixel count 35389440, see the documentation"],
        };

        // Act
        var failure = Assert.Throws<JobException>(() => EncodeFailures.ThrowIfFailed("the ladder", result));

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Does.Contain("a picture of 8192x8192 is over the limit of 35389440 pixels (MAX_PIXELS_PER_FRAME)"));
    }
}
