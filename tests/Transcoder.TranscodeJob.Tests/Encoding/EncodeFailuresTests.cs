using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Encoding;

public sealed class EncodeFailuresTests
{
    [Test]
    public void From_DecodeError_IsBadInputWithFfmpegsMessage()
    {
        // Act
        var failure = EncodeFailures.From("720p", new FfmpegResult(1, ["[h264 @ 0x1] error while decoding MB 3 4", "Conversion failed!"]));

        // Assert
        Assert.That(failure.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo("ffmpeg failed on 720p (exit 1): [h264 @ 0x1] error while decoding MB 3 4 | Conversion failed!"));
    }

    [Test]
    public void From_DiskFull_IsTransient()
    {
        // Act / Assert
        Assert.That(EncodeFailures.From("720p", new FfmpegResult(1, ["av_interleaved_write_frame(): No space left on device"])).IsRetryable, Is.True);
    }

    [Test]
    public void From_KilledBySignal_IsTransient()
    {
        // Act / Assert: 137 is SIGKILL, as from the OOM killer.
        Assert.That(EncodeFailures.From("720p", new FfmpegResult(137, [])).IsRetryable, Is.True);
    }
}
