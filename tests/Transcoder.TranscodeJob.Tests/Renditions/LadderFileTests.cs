using Transcoder.Shared.Hosting;
using Transcoder.Shared.Jobs;
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

    [Test]
    public void Parse_Av1Settings_ReadsCodecsEncoderAndTwins()
    {
        // Arrange
        const string json = """
            { "codecs": "h264,av1", "av1Preset": 9, "av1Crf": 38,
              "renditions": [ { "name": "720p", "height": 720, "videoKbps": 3000, "av1Kbps": 1800 }, { "name": "1080p", "height": 1080, "videoKbps": 6000 } ] }
            """;

        // Act
        var ladder = LadderFile.Parse(json, "ladder.json");

        // Assert
        Assert.That(ladder.Codecs, Is.EqualTo(VideoCodecs.H264 | VideoCodecs.Av1));
        Assert.That(ladder.Encoder.Av1, Is.EqualTo(new Av1Settings(9, 38)));
        Assert.That(ladder.Renditions.Select(r => (r.Name, r.Av1Kbps)), Is.EqualTo(new[] { ("1080p", (int?)null), ("720p", 1800) }));
    }

    [Test]
    public void Parse_NoCodecs_H264AndTheDefaultAv1Encoder()
    {
        // Act
        var ladder = LadderFile.Parse("""{ "renditions": [ { "name": "x", "height": 360, "videoKbps": 800 } ] }""", "l.json");

        // Assert
        Assert.That((ladder.Codecs, ladder.Encoder.Av1), Is.EqualTo((VideoCodecs.H264, new Av1Settings())));
    }

    [Test]
    public void Parse_Av1Mistakes_ReportsThemAllAtOnce()
    {
        // Arrange: AV1 alone, an SVT-AV1 preset and CRF out of range, a cap too low.
        const string json = """
            { "codecs": "av1", "av1Preset": 14, "av1Crf": 0,
              "renditions": [ { "name": "x", "height": 360, "videoKbps": 800, "av1Kbps": 10 } ] }
            """;

        // Act
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse(json, "ladder.json"));

        // Assert
        Assert.That(failure!.Problems, Is.EqualTo(new[]
        {
            "ladder file ladder.json: av1Preset 14 is outside 0..13 (SVT-AV1's presets)",
            "ladder file ladder.json: av1Crf 0 is outside 1..63",
            "ladder file ladder.json: codecs 'av1': h264 is always made (every player decodes it, and the progressive MP4s are H.264): use h264 or h264,av1",
            "ladder file ladder.json: rendition 'x': av1Kbps 10 is outside 50..100000",
        }));
    }

    [Test]
    public void Parse_Av1ButNoRungOffersIt_IsAProblem()
    {
        // Act / Assert
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse("""{ "codecs": "h264,av1", "renditions": [ { "name": "x", "height": 360, "videoKbps": 800 } ] }""", "l.json"));
        Assert.That(failure!.Problems.Single(), Does.Contain("no rendition has an av1Kbps"));
    }
}
