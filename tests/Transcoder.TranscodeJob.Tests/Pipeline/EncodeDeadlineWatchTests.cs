using Microsoft.Extensions.Time.Testing;
using Transcoder.TranscodeJob.Pipeline;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>The 12-hour visibility ceiling on a fake clock: a job that cannot finish is refused early, with the figures.</summary>
public sealed class EncodeDeadlineWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private readonly FakeTimeProvider _time = new(Start);
    private double _done;

    private EncodeDeadlineWatch CreateSut(TimeSpan untilDeadline) =>
        new(Start + untilDeadline, () => _done, FourHours, "s3://uploads/film.mov", _time, CancellationToken.None);

    [Test]
    public void Check_SlowerThanTheDeadlineAllows_RefusedOnceTheSpeedIsMeasuredWithTheFigures()
    {
        // Arrange: 11 h 45 min left; 4 h of source at a tenth of real time would take 40 h.
        using var sut = CreateSut(TimeSpan.FromHours(11.75));

        // Act: after 2 minutes nothing is decided yet; after 3 the speed counts.
        _done = 2.0 / 2400; // minutes of 40 h
        _time.Advance(TimeSpan.FromMinutes(2));
        var early = sut.Token.IsCancellationRequested;
        _done = 3.0 / 2400;
        _time.Advance(TimeSpan.FromMinutes(1));

        // Assert
        Assert.That(early, Is.False);
        Assert.That(sut.Token.IsCancellationRequested, Is.True);
        Assert.That(sut.Refusal!.IsRetryable, Is.False, "the same task size would fail the same way");
        Assert.That(sut.Refusal.Message, Does.Contain("would take about 40.0 h to encode at the measured 0.10x real time, past the 11.8 h left"));
        Assert.That(sut.Refusal.Message, Does.Contain("more vCPUs").And.Contain("MAX_SOURCE_SECONDS"));
    }

    [Test]
    public void Check_FastEnough_NeverRefused()
    {
        // Arrange: half real time, 8 h of encoding for 4 h of source, within 11 h 45 min.
        using var sut = CreateSut(TimeSpan.FromHours(11.75));

        // Act: every half hour of an 8-hour encode.
        for (var minutes = 30; minutes <= 480; minutes += 30)
        {
            _done = minutes / 480.0;
            _time.Advance(TimeSpan.FromMinutes(30));
        }

        // Assert
        Assert.That(sut.Token.IsCancellationRequested, Is.False);
        Assert.That(sut.Refusal, Is.Null);
    }

    [Test]
    public void Check_DeadlinePassesAfterAHopefulStart_RefusedThen()
    {
        // Arrange: the projection looked fine (the first minutes were fast), then the encode slowed to a crawl.
        using var sut = CreateSut(TimeSpan.FromHours(1));
        _done = 0.5;
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(sut.Refusal, Is.Null);

        // Act
        _done = 0.55;
        _time.Advance(TimeSpan.FromMinutes(50));

        // Assert
        Assert.That(sut.Token.IsCancellationRequested, Is.True);
        Assert.That(sut.Refusal!.Message, Does.Contain("still 55% done when its time ran out"));
    }

    [Test]
    public void Token_OuterCancelled_CancelledWithoutARefusal()
    {
        // Arrange
        using var outer = new CancellationTokenSource();
        using var sut = new EncodeDeadlineWatch(Start + TimeSpan.FromHours(1), () => 0, FourHours, "a.mp4", _time, outer.Token);

        // Act: SIGTERM, not the deadline.
        outer.Cancel();

        // Assert
        Assert.That(sut.Token.IsCancellationRequested, Is.True);
        Assert.That(sut.Refusal, Is.Null);
    }
}
