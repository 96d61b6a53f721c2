using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Tests.Probing;

public sealed class RationalTests
{
    [TestCase("30000/1001", 30000, 1001)]
    [TestCase("16:9", 16, 9)]
    [TestCase("25", 25, 1)]
    [TestCase("0/0", 0, 0)]
    [TestCase("N/A", 0, 0)]
    [TestCase(null, 0, 0)]
    public void Parse_FfprobeText_ReadsBothParts(string? text, long numerator, long denominator)
    {
        // Act
        var rational = Rational.Parse(text);

        // Assert
        Assert.That(rational, Is.EqualTo(new Rational(numerator, denominator)));
    }

    [Test]
    public void IsPositive_UnknownRate_IsFalse()
    {
        // Act / Assert
        Assert.That(Rational.Parse("0/0").IsPositive, Is.False);
        Assert.That(Rational.Parse("24/1").IsPositive, Is.True);
    }
}
