using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LadderFileTests
{
    [Test]
    public void Parse_ValidFile_ReadsRungsAndSettings()
    {
        // Arrange
        const string json = """
            // comments and trailing commas are fine
            { "preset": "faster", "crf": 21, "gopSeconds": 4,
              "renditions": [
                { "name": "sd", "height": 360, "videoKbps": 700, "audioKbps": 64 },
                { "name": "hd", "height": 720, "videoKbps": 2500 },
              ] }
            """;

        // Act
        var ladder = LadderFile.Parse(json, "ladder.json");

        // Assert
        Assert.That(ladder.Encoder, Is.EqualTo(new EncoderSettings("faster", 21, 4)));
        Assert.That(ladder.Renditions, Is.EqualTo(new[] { new Rendition("hd", 720, 2500, 128), new Rendition("sd", 360, 700, 64) }));
    }

    [Test]
    public void Parse_ManyMistakes_ReportsThemAllAtOnce()
    {
        // Arrange
        const string json = """
            { "preset": "turbo", "crf": 60,
              "renditions": [ { "height": 721, "videoKbps": 10 }, { "name": "a", "height": 360, "videoKbps": 800 }, { "name": "A", "height": 240, "videoKbps": 400 } ] }
            """;

        // Act
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse(json, "ladder.json"));

        // Assert
        Assert.That(failure!.Problems, Has.Count.EqualTo(6));
        Assert.That(failure.Problems, Has.Some.Contains("preset 'turbo'"));
        Assert.That(failure.Problems, Has.Some.Contains("crf 60"));
        Assert.That(failure.Problems, Has.Some.Contains("has no name"));
        Assert.That(failure.Problems, Has.Some.Contains("height 721"));
        Assert.That(failure.Problems, Has.Some.Contains("videoKbps 10"));
        Assert.That(failure.Problems, Has.Some.Contains("'a' appears 2 times"));
    }

    [Test]
    public void Parse_UnknownProperty_IsAnError()
    {
        // Act / Assert: a typo ("bitrate" for "videoKbps") must not silently fall back to a default.
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse("""{ "renditions": [ { "name": "x", "height": 360, "bitrate": 800 } ] }""", "l.json"));
        Assert.That(failure!.Message, Does.Contain("bitrate"));
    }

    [Test]
    public void Load_MissingFile_IsAUsageError()
    {
        // Act / Assert
        var failure = Assert.Throws<UsageException>(() => LadderFile.Load("/nonexistent/ladder.json"));
        Assert.That(failure!.Message, Does.Contain("/nonexistent/ladder.json"));
    }
}
