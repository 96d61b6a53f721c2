using Transcoder.Shared.Captions;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Tests.Subtitles;

public sealed class CueTimelineTests
{
    private static Cue At(double start, double end, string text) => new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), "", text);

    [Test]
    public void Place_SourceClockCues_ShiftedAndCutToTheSpan()
    {
        // Arrange: the outputs start 10 s into the source's clock and last 4 s.
        Cue[] cues =
        [
            At(5, 9, "before the picture"), At(9.5, 11, "straddles the start"), At(12, 13, "inside"),
            At(13.5, 15, "straddles the end"), At(14, 20, "after the end"), At(10_810, 10_812, "three hours in"),
        ];

        // Act
        var placed = CueTimeline.Place(cues, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4));

        // Assert
        Assert.That(placed, Is.EqualTo(new[] { At(0, 1, "straddles the start"), At(2, 3, "inside"), At(3.5, 4, "straddles the end") }));
    }
}
