using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

public sealed class FfmpegProgressTests
{
    [Test]
    public void Push_ProgressBlocks_ReportsEncodedTimeAtEachBlockEnd()
    {
        // Arrange
        var sut = new FfmpegProgress();
        string[] lines =
        [
            "frame=25", "fps=0.0", "out_time_us=1000000", "out_time_ms=1000000", "out_time=00:00:01.000000", "speed=2x", "progress=continue",
            "frame=40", "out_time_us=N/A", "progress=continue",
            "frame=50", "out_time_us=2000000", "progress=end",
        ];

        // Act
        var reported = lines.Select(sut.Push).Where(t => t is not null).ToList();

        // Assert: "N/A" keeps the last known time.
        Assert.That(reported, Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
    }

    [TestCase("")]
    [TestCase("garbage")]
    [TestCase("=value")]
    public void Push_OtherLines_ReportNothing(string line)
    {
        // Act / Assert
        Assert.That(new FfmpegProgress().Push(line), Is.Null);
    }
}
