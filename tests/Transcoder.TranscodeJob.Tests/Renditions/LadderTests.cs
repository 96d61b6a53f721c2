using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Renditions;

public sealed class LadderTests
{
    [Test]
    public void Select_KnownNamesInAnyOrder_TallestFirst()
    {
        // Act
        var ladder = Ladder.Default.Select(["360p", "1080P", "720p", "360p"]);

        // Assert
        Assert.That(ladder.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "1080p", "720p", "360p" }));
    }

    [Test]
    public void Select_HeightNotInLadder_Interpolates()
    {
        // Act
        var rung = Ladder.Default.Select(["540p"]).Renditions.Single();

        // Assert: between 480p (1500) and 720p (3000).
        Assert.That(rung.Height, Is.EqualTo(540));
        Assert.That(rung.VideoKbps, Is.EqualTo(1875));
    }

    [Test]
    public void Select_UnknownNames_ReportsEveryOne()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => Ladder.Default.Select(["best", "720p", "4k", "541p"]));

        // Assert
        Assert.That(failure!.Problems, Has.Count.EqualTo(3));
        Assert.That(failure.Problems[0], Does.Contain("'best'").And.Contain("1080p, 720p, 480p, 360p"));
    }

    [Test]
    public void RungAt_BelowTheLadder_ScalesDownWithAFloor()
    {
        // Act
        var small = Ladder.Default.RungAt(240);
        var tiny = Ladder.Default.RungAt(32);

        // Assert
        Assert.That(small.VideoKbps, Is.EqualTo(435));
        Assert.That(tiny.VideoKbps, Is.EqualTo(100));
        Assert.That(small.AudioKbps, Is.EqualTo(96));
    }

    private static readonly Ladder Av1Ladder = new(
        [
            new("1080p", 1080, 6000, 128),
            new("720p", 720, 3000, 128) { Av1Kbps = 2000 },
            new("360p", 360, 800, 96) { Av1Kbps = 500 },
        ],
        new EncoderSettings());

    [Test]
    public void RungAt_BetweenTwoRungsWithAv1_InterpolatesTheAv1Cap()
    {
        // Act
        var rung = Av1Ladder.RungAt(540);

        // Assert: halfway from 360p to 720p.
        Assert.That((rung.VideoKbps, rung.Av1Kbps), Is.EqualTo((1900, (int?)1250)));
    }

    [Test]
    public void RungAt_BesideARungWithoutAv1_NoAv1()
    {
        // Act / Assert: AV1 is not offered at 1080p, so not at 900p either.
        Assert.That(Av1Ladder.RungAt(900).Av1Kbps, Is.Null);
    }

    [Test]
    public void RungAtAndSelect_OutsideOrOnTheLadder_Av1CapScaledOrKept()
    {
        // Act
        var small = Av1Ladder.RungAt(240);
        var kept = Av1Ladder.Select(["720p"]).Renditions.Single();

        // Assert: scaled as the H.264 cap (pixels to the 1.5).
        Assert.That(small.Av1Kbps, Is.EqualTo((int)Math.Round(500 * Math.Pow(240.0 / 360, 1.5))));
        Assert.That(kept.Av1Kbps, Is.EqualTo(2000));
    }
}
