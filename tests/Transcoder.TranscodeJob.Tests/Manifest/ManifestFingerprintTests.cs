using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Manifest;

public sealed class ManifestFingerprintTests
{
    private static readonly SourceRevision Revision = new(SourceRevisionKind.ETag, "abc");

    private static string For(Ladder ladder) => ManifestFingerprint.For(Revision, ladder, JobSpec.DefaultFormats);

    [Test]
    public void For_FixedLadder_TheFingerprintItHadBeforeThePerTitleLadder()
    {
        // Act / Assert: a folder made before per-title existed is still "already done" for the same fixed request.
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
}
