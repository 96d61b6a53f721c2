using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class FrameRatesTests
{
    [TestCase("30/1", "30")]
    [TestCase("30000/1001", "30000/1001")]
    [TestCase("2997/100", "30000/1001")]
    [TestCase("1746000/58453", "30000/1001")]
    [TestCase("3001/100", "30")]
    [TestCase("25/1", "25")]
    [TestCase("120/1", "60")]
    [TestCase("100/1", "50")]
    [TestCase("240/1", "60")]
    [TestCase("90/1", "45")]
    [TestCase("120000/1001", "60000/1001")]
    [TestCase("15/1", "15")]
    [TestCase("0/0", "30")]
    [TestCase("90000/1", "30")]
    [TestCase("1/300", "1")]
    [TestCase("2/1201", "1")]
    public void Plan_SourceRate_TidiedAndCapped(string source, string expected)
    {
        // Act
        var planned = FrameRates.Plan(Rational.Parse(source));

        // Assert
        Assert.That(planned.ToString(), Is.EqualTo(expected));
    }

    private static PacketScan Packets(double seconds, long frames, double? movingInterval) =>
        new(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds - 0.04), frames, (TimeSpan.Zero, TimeSpan.Zero), [])
        {
            MovingFrameInterval = movingInterval is { } interval ? TimeSpan.FromSeconds(interval) : null,
        };

    private static VideoStreamInfo Video(string rate, string fieldOrder = "progressive") =>
        new(0, "h264", 320, 180, Rational.One, 0, Rational.Parse(rate), "yuv420p", null, null, null, fieldOrder);

    [Test]
    public void ForSource_ScreenRecordingAveraging5FpsMovingAt30_TheRateItMovesAt()
    {
        // Act: 60 frames over 12 s, the faster fifth of them 1/30 s apart.
        var rate = FrameRates.Plan(FrameRates.ForSource(Video("5/1"), Packets(12, 60, 1 / 30.0)));

        // Assert
        Assert.That(rate.ToString(), Is.EqualTo("30"));
    }

    [Test]
    public void ForSource_HeaderDeclares25FpsForTwoFramesFiveMinutesApart_OneFrameASecond()
    {
        // Act
        var rate = FrameRates.Plan(FrameRates.ForSource(Video("25/1"), Packets(300, 2, 300)));

        // Assert
        Assert.That(rate, Is.EqualTo(FrameRates.Minimum));
    }

    [TestCase(10_800, 2, 10_800, TestName = "ForSource_FewFramesHoursApart_OneFrameASecond(two frames three hours apart)")]
    [TestCase(14_040, 1, null, TestName = "ForSource_FewFramesHoursApart_OneFrameASecond(one frame, then 3.9 hours of sound)")]
    public void ForSource_FewFramesHoursApart_OneFrameASecond(double seconds, long frames, double? movingInterval)
    {
        // Act: fewer than one frame in 2,000 s, a rate that rounds to zero thousandths.
        var rate = FrameRates.Plan(FrameRates.ForSource(Video("25/1"), Packets(seconds, frames, movingInterval)));

        // Assert: not the 30 fps fallback, which would encode 30 copies of the picture for every second of the hours.
        Assert.That(rate, Is.EqualTo(FrameRates.Minimum));
    }

    [Test]
    public void ForSource_ConstantRate_TheHeadersRate()
    {
        // Act: 29.97 fps as the packets show it, to the thousandth.
        var rate = FrameRates.ForSource(Video("30000/1001"), Packets(10, 300, 1.001 / 30));

        // Assert
        Assert.That(rate, Is.EqualTo(new Rational(30000, 1001)));
    }

    [Test]
    public void ForSource_Interlaced_TheHeadersRateWhatever_ThePacketsAreFields()
    {
        // Act: 25i whose packets are fields, 50 a second.
        var rate = FrameRates.ForSource(Video("25/1", fieldOrder: "tt"), Packets(10, 500, 0.02));

        // Assert
        Assert.That(rate, Is.EqualTo(new Rational(25, 1)));
    }
}
