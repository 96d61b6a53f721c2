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
}
