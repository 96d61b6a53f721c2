using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Manifest;

public sealed class ManifestFingerprintTests
{
    private static readonly SourceRevision Revision = SourceRevision.Parse("etag:abc");

    private static string For(Ladder ladder) => ManifestFingerprint.For(Revision, ladder, StreamingFormats.All);

    [Test]
    public void For_FixedLadder_TheFingerprintItHadBeforeThePerTitleLadder()
    {
        // Act / Assert: a folder made before per-title and AV1 existed is still "already done" for the same fixed H.264
        // request (the digest docs/outputs.md shows for the sample).
        Assert.That(For(Ladder.Default with { Mode = LadderMode.Fixed }), Is.EqualTo("etag:abc;request=3a13f705c842f268"));
    }

    [Test]
    public void For_PerTitle_DiffersFromFixed()
    {
        // Act / Assert
        Assert.That(For(Ladder.Default with { Mode = LadderMode.PerTitle }), Is.Not.EqualTo(For(Ladder.Default with { Mode = LadderMode.Fixed })));
    }

    [Test]
    public void For_PerTitleWithAnotherAllowance_Differs()
    {
        // Arrange
        var ladder = Ladder.Default with { Mode = LadderMode.PerTitle };
        var stricter = ladder with { Renditions = [.. ladder.Renditions.Select((r, i) => i == 1 ? r with { MaxLossDb = 0.5 } : r)] };

        // Act / Assert
        Assert.That(For(stricter), Is.Not.EqualTo(For(ladder)));
    }

    [Test]
    public void For_Av1Asked_AnotherRequestAndSoEveryAv1SettingCounts()
    {
        // Arrange
        var av1 = Ladder.Default with { Codecs = VideoCodecs.H264 | VideoCodecs.Av1 };

        // Act
        var fingerprints = new[]
        {
            For(Ladder.Default),
            For(av1),
            For(av1 with { Encoder = av1.Encoder with { Av1 = new Av1Settings(8, 35) } }),
            For(av1 with { Renditions = [.. av1.Renditions.Select(r => r with { Av1Kbps = r.Av1Kbps + 1 })] }),
        };

        // Assert
        Assert.That(fingerprints.Distinct().Count(), Is.EqualTo(fingerprints.Length));
    }

    [Test]
    public void For_H264Only_Av1SettingsDoNotCount()
    {
        // Act / Assert: nothing AV1 is made, so the same outputs.
        Assert.That(For(Ladder.Default with { Encoder = Ladder.Default.Encoder with { Av1 = new Av1Settings(4, 20) } }), Is.EqualTo(For(Ladder.Default)));
    }

    [Test]
    public void For_RenditionsNamed_DiffersOnlyInThePerTitleLadder()
    {
        // Arrange: the default rungs named one by one: per-title then drops none of them, so other outputs.
        string[] all = ["1080p", "720p", "480p", "360p"];
        var perTitle = Ladder.Default with { Mode = LadderMode.PerTitle };
        var fixedLadder = Ladder.Default with { Mode = LadderMode.Fixed };

        // Act / Assert
        Assert.That(For(perTitle.Select(all)), Is.Not.EqualTo(For(perTitle)));
        Assert.That(For(fixedLadder.Select(all)), Is.EqualTo(For(fixedLadder)), "the fixed ladder makes the same either way");
    }
}
