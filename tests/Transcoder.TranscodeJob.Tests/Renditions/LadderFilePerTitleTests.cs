using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LadderFilePerTitleTests
{
    [TestCase("per-title")]
    [TestCase("fixed")]
    public void Parse_LadderModeAndAllowances_Read(string mode)
    {
        // Act
        var ladder = LadderFile.Parse(
            $$"""{ "ladderMode": "{{mode}}", "renditions": [ { "name": "hd", "height": 720, "videoKbps": 2500, "maxLossDb": 0.5 }, { "name": "sd", "height": 360, "videoKbps": 700 } ] }""",
            "ladder.json");

        // Assert
        Assert.That(ladder.Mode, Is.EqualTo(LadderModes.ByName[mode]));
        Assert.That(ladder.Renditions.Select(r => r.MaxLossDb), Is.EqualTo(new double?[] { 0.5, null }));
    }

    [Test]
    public void Parse_NoLadderMode_TheDefault()
    {
        // Act
        var ladder = LadderFile.Parse("""{ "renditions": [ { "name": "sd", "height": 360, "videoKbps": 700 } ] }""", "ladder.json");

        // Assert
        Assert.That(ladder.Mode, Is.EqualTo(LadderModes.Default));
    }

    [Test]
    public void Parse_UnknownModeAndAllowanceOutOfRange_ReportedTogether()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => LadderFile.Parse(
            """{ "ladderMode": "smart", "renditions": [ { "name": "sd", "height": 360, "videoKbps": 700, "maxLossDb": -1 } ] }""", "ladder.json"));

        // Assert
        Assert.That(failure!.Problems, Is.EqualTo(new[]
        {
            "ladder file ladder.json: rendition 'sd': maxLossDb -1 is outside 0..6",
            "ladder file ladder.json: ladderMode 'smart' is not a mode (per-title, fixed)",
        }));
    }
}
