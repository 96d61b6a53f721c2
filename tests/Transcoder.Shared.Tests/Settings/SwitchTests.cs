using Transcoder.Shared.Settings;

namespace Transcoder.Shared.Tests.Settings;

public sealed class SwitchTests
{
    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase(" 1 ", true)]
    [TestCase("yes", true)]
    [TestCase("On", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    [TestCase("no", false)]
    [TestCase("OFF", false)]
    public void TryParse_SwitchWord_ItsValue(string text, bool expected)
    {
        // Act
        var known = Switch.TryParse(text, out var value);

        // Assert
        Assert.That(known, Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("ture")]
    [TestCase("enabled")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_AnythingElse_IsNotASwitch(string? text)
    {
        // Act / Assert
        Assert.That(Switch.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Flag_Typo_IsAnErrorNotOff()
    {
        // Arrange
        var reader = new SettingReader(new Dictionary<string, string> { ["VERBOSE"] = "ture" });

        // Act
        var value = reader.Flag("VERBOSE", fallback: false);

        // Assert
        Assert.That(value, Is.False);
        Assert.That(reader.Errors.Single(), Is.EqualTo("VERBOSE must be one of true/false, 1/0, yes/no, on/off, not 'ture'"));
    }
}
