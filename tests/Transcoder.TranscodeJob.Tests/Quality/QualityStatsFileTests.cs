using Transcoder.TranscodeJob.Quality;

namespace Transcoder.TranscodeJob.Tests.Quality;

public sealed class QualityStatsFileTests
{
    [Test]
    public void ReadSsim_FfmpegLines_MeanOfTheFramesAllValue()
    {
        // Arrange: as ffmpeg 5.1's ssim filter writes its stats_file.
        string[] lines =
        [
            "n:1 Y:0.990000 U:0.995000 V:0.996000 All:0.992000 (20.969100)",
            "n:2 Y:0.970000 U:0.985000 V:0.986000 All:0.976000 (16.197888)",
        ];
        var scores = new QualityScores();

        // Act
        QualityStatsFile.ReadSsim(lines, scores);

        // Assert
        Assert.That(scores.SsimFrames, Is.EqualTo(2));
        Assert.That(scores.Ssim, Is.EqualTo(0.984).Within(1e-9));
        Assert.That(scores.SsimDecibels, Is.EqualTo(-10 * Math.Log10(1 - 0.984)).Within(1e-9));
    }

    [Test]
    public void ReadPsnr_IdenticalFrame_CountsItsZeroErrorInTheMean()
    {
        // Arrange: an identical frame's PSNR is "inf"; its MSE of 0 still counts.
        string[] lines =
        [
            "n:1 mse_avg:0.00 mse_y:0.00 mse_u:0.00 mse_v:0.00 psnr_avg:inf psnr_y:inf psnr_u:inf psnr_v:inf ",
            "n:2 mse_avg:4.00 mse_y:5.00 mse_u:2.00 mse_v:2.00 psnr_avg:42.11 psnr_y:41.14 psnr_u:45.15 psnr_v:45.15 ",
        ];
        var scores = new QualityScores();

        // Act
        QualityStatsFile.ReadPsnr(lines, scores);

        // Assert
        Assert.That(scores.PsnrFrames, Is.EqualTo(2));
        Assert.That(scores.Psnr, Is.EqualTo(10 * Math.Log10(255.0 * 255.0 / 2.0)).Within(1e-9));
    }

    [Test]
    public void Scores_ExactMatch_CappedInsteadOfInfinite()
    {
        // Arrange
        var scores = new QualityScores();
        scores.AddSsim(1);
        scores.AddMse(0);

        // Act, Assert
        Assert.That((scores.SsimDecibels, scores.Psnr), Is.EqualTo((QualityScores.MaxDecibels, QualityScores.MaxDecibels)));
    }

    [Test]
    public void Read_OtherLines_Ignored()
    {
        // Arrange
        var scores = new QualityScores();

        // Act
        QualityStatsFile.ReadSsim(["", "garbage", "n:1 Y:0.9"], scores);
        QualityStatsFile.ReadPsnr(["n:1 psnr_avg:40"], scores);

        // Assert
        Assert.That((scores.SsimFrames, scores.PsnrFrames), Is.EqualTo((0, 0)));
        Assert.That(double.IsNaN(scores.Ssim), Is.True);
    }
}
