using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class FfmpegErrorsTests
{
    [Test]
    public void ErrorLines_LeveledOutput_ErrorsOnlyWithoutContextAddresses()
    {
        // Act
        var lines = FfmpegErrors.ErrorLines(["[swscaler @ 0x1] [warning] deprecated pixel format used", "[h264 @ 0x55] [error] no frame!", "[fatal] out of luck"]);

        // Assert
        Assert.That(lines, Is.EqualTo(new[] { "no frame!", "out of luck" }));
    }

    [Test]
    public void Cause_OnlyWrappers_TheLastLine() =>
        Assert.That(FfmpegErrors.Cause(["Error while filtering", "Conversion failed!"]), Is.EqualTo("Conversion failed!"));

    [Test]
    public void Cause_LongLine_CutShort() =>
        Assert.That(FfmpegErrors.Cause([new string('x', 500)]).Length, Is.EqualTo(FfmpegErrors.MaxCauseLength));

    [Test]
    public void LimitBreach_DemuxerOverTheStreamLimit_SaidInTheJobsWords() =>
        Assert.That(FfmpegErrors.LimitBreach(["Number of streams exceeds max_streams parameter (65), see the documentation"]),
            Is.EqualTo("it has more than 64 streams (the limit): not a recording the job encodes"));

    [Test]
    public void LimitBreach_OrdinaryErrors_Null() =>
        Assert.That(FfmpegErrors.LimitBreach(["no frame!"]), Is.Null);
}
