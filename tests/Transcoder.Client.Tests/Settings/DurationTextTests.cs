using Transcoder.Client.Settings;

namespace Transcoder.Client.Tests.Settings;

public sealed class DurationTextTests
{
    [TestCase("90s", 90)]
    [TestCase("90", 90)]
    [TestCase("15m", 900)]
    [TestCase("1h", 3600)]
    [TestCase("7d", 604_800)]
    [TestCase(" 2H ", 7200)]
    public void TryParse_Units(string text, int seconds)
    {
        // Act
        var parsed = DurationText.TryParse(text, out var duration);

        // Assert
        Assert.That((parsed, duration), Is.EqualTo((true, TimeSpan.FromSeconds(seconds))));
    }

    [TestCase("")]
    [TestCase("1w")]
    [TestCase("-1h")]
    [TestCase("1.5h")]
    [TestCase("h")]
    [TestCase("9999999999999d")]
    public void TryParse_NotADuration_False(string text)
    {
        // Act / Assert
        Assert.That(DurationText.TryParse(text, out _), Is.False);
    }

    [TestCase(604_800, "7d")]
    [TestCase(3600, "1h")]
    [TestCase(5400, "90m")]
    [TestCase(45, "45s")]
    public void Format_ShortestExactForm(int seconds, string expected)
    {
        // Act / Assert
        Assert.That(DurationText.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }

    [Test]
    public void Read_OutOfRange_OneProblemAndTheFallback()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        var duration = DurationText.Read("--expires", "8d", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), problems.Add);

        // Assert
        Assert.That(duration, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(problems, Is.EqualTo(new[] { "--expires '8d' must be a duration from 1s to 7d, like 90s, 15m, 1h or 7d" }));
    }
}
