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
    public void Plan_SourceRate_TidiedAndCapped(string source, string expected)
    {
        // Act
        var planned = FrameRates.Plan(Rational.Parse(source));

        // Assert
        Assert.That(planned.ToString(), Is.EqualTo(expected));
    }
}
