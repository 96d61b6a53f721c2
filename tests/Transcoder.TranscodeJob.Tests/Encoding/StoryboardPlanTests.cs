using Transcoder.TranscodeJob.Encoding;

namespace Transcoder.TranscodeJob.Tests.Encoding;

public sealed class StoryboardPlanTests
{
    [Test]
    public void For_FourSecondLandscape_OneRowOfFourEverySecond()
    {
        // Act
        var plan = StoryboardPlan.For(TimeSpan.FromSeconds(4), 1920, 1080);

        // Assert
        Assert.That(plan, Is.EqualTo(new StoryboardPlan(TimeSpan.FromSeconds(1), 160, 90, 4, 1, 4)));
        Assert.That(plan.Sheets, Is.EqualTo(1));
    }

    [Test]
    public void For_ThreeHours_BoundedAtThreeFullSheets()
    {
        // Act
        var plan = StoryboardPlan.For(TimeSpan.FromHours(3), 3840, 2160);

        // Assert
        Assert.That(plan.Interval, Is.EqualTo(TimeSpan.FromSeconds(36)));
        Assert.That((plan.Count, plan.Columns, plan.Rows, plan.Sheets), Is.EqualTo((300, 10, 10, 3)));
    }

    [Test]
    public void For_Portrait_TallTiles()
    {
        // Act
        var plan = StoryboardPlan.For(TimeSpan.FromSeconds(30), 1080, 1920);

        // Assert
        Assert.That((plan.TileWidth, plan.TileHeight), Is.EqualTo((90, 160)));
    }

    [Test]
    public void Vtt_SecondSheet_CuesPointIntoItAndTheLastEndsAtTheEnd()
    {
        // Arrange: 150.5 s, one a second: 151 thumbnails, the 101st on the second sheet.
        var plan = StoryboardPlan.For(TimeSpan.FromSeconds(150.5), 1920, 1080);

        // Act
        var vtt = StoryboardVtt.Write(plan, TimeSpan.FromSeconds(150.5));

        // Assert
        Assert.That(vtt, Does.StartWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstoryboard-000.jpg#xywh=0,0,160,90\n"));
        Assert.That(vtt, Does.Contain("00:01:40.000 --> 00:01:41.000\nstoryboard-001.jpg#xywh=0,0,160,90\n"));
        Assert.That(vtt, Does.EndWith("00:02:30.000 --> 00:02:30.500\nstoryboard-001.jpg#xywh=0,450,160,90\n"));
    }

    [Test]
    public void WithCount_FewerThumbnailsThanPlanned_LaidOutAgain()
    {
        // Act: 30 planned, one made (a clip too short for more).
        var plan = StoryboardPlan.For(TimeSpan.FromSeconds(30), 1920, 1080).WithCount(1);

        // Assert
        Assert.That((plan.Count, plan.Columns, plan.Rows, plan.Sheets, plan.Interval), Is.EqualTo((1, 1, 1, 1, TimeSpan.FromSeconds(1))));
    }
}
