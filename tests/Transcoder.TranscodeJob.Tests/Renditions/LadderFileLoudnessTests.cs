using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LadderFileLoudnessTests
{
    private const string Rungs = """ "renditions": [ { "name": "sd", "height": 360, "videoKbps": 700 } ] """;

    [TestCase("ebu", -23.0)]
    [TestCase("-16", -16.0)]
    [TestCase("-14", -14.0)]
    public void Parse_LoudnessTarget_ReadIntoTheEncoderSettings(string name, double lufs)
    {
        // Act
        var ladder = LadderFile.Parse($$"""{ "loudness": "{{name}}", "truePeak": -2, {{Rungs}} }""", "ladder.json");

        // Assert
        Assert.That(ladder.Encoder.Loudness, Is.EqualTo(new LoudnessTarget(lufs, -2)));
    }

    [Test]
    public void Parse_NoLoudness_LeftAsTheSourceHasIt()
    {
        // Act
        var ladder = LadderFile.Parse($$"""{ {{Rungs}} }""", "ladder.json");

        // Assert
        Assert.That(ladder.Encoder.Loudness, Is.Null);
    }

    [Test]
    public void Parse_UnknownTargetAndCeilingOutOfRange_BothReported()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse($$"""{ "loudness": "-20", "truePeak": 3, {{Rungs}} }""", "ladder.json"));

        // Assert
        Assert.That(failure!.Problems, Has.Some.Contains("loudness '-20' is not a target (ebu (-23), -16, -14)"));
        Assert.That(failure.Problems, Has.Some.Contains("truePeak 3 is outside -9..0 dBTP"));
    }
}
