using Transcoder.TranscodeJob.Encoding;

namespace Transcoder.TranscodeJob.Tests.Encoding;

public sealed class PosterMakerTests
{
    [TestCase(3000, 3000, 1920, 1920)]
    [TestCase(4000, 1000, 1920, 480)]
    [TestCase(1000, 4001, 480, 1920)]
    [TestCase(300, 200, 300, 200)]
    [TestCase(1, 1, 1, 1)]
    public void CoverSize_CoverArt_ScaledDownNeverUpAspectKept(int width, int height, int expectedWidth, int expectedHeight)
    {
        // Act / Assert
        Assert.That(PosterMaker.CoverSize(width, height), Is.EqualTo((expectedWidth, expectedHeight)));
    }
}
