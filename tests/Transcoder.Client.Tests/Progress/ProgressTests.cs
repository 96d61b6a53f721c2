using Microsoft.Extensions.Time.Testing;
using Transcoder.Client.Progress;

namespace Transcoder.Client.Tests.Progress;

/// <summary>What a person sees while a file goes up: plain lines in a log, one redrawn bar on a terminal.</summary>
public sealed class ProgressTests
{
    [Test]
    public void ProgressLines_OneLineAtEachTenthAnd100OnceAtTheEnd()
    {
        // Arrange
        using var output = new StringWriter();
        var progress = new ProgressLines(output);

        // Act: parts report out of order and in uneven pieces, and a failed try gives bytes back.
        progress.Start(1000);
        progress.Add(150);
        progress.Add(-150);
        progress.Add(350);
        progress.Add(640);
        progress.Add(10);
        progress.Finish();

        // Assert
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(10));
        Assert.That(lines[0], Is.EqualTo("uploaded 10% (100 B of 1000 B)"));
        Assert.That(lines[^1], Is.EqualTo("uploaded 100% (1000 B of 1000 B)"));
    }

    [Test]
    public void TerminalProgressBar_RedrawsInPlaceAtMostTenTimesASecond()
    {
        // Arrange
        using var terminal = new StringWriter();
        var clock = new FakeTimeProvider();
        var bar = new TerminalProgressBar(terminal, clock);

        // Act
        bar.Start(2 * 1024 * 1024);
        clock.Advance(TimeSpan.FromSeconds(1));
        bar.Add(1024 * 1024);
        bar.Add(1);
        bar.Add(1);
        bar.Add((1024 * 1024) - 2);
        bar.Finish();

        // Assert: the start, one redraw (the next two came too soon), the end.
        var draws = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(draws, Has.Length.EqualTo(3));
        Assert.That(draws[1], Does.StartWith("[###############...............]  50%  1.0 MiB / 2.0 MiB"));
        Assert.That(draws[2].TrimEnd(), Does.StartWith("[##############################] 100%  2.0 MiB / 2.0 MiB"));
        Assert.That(terminal.ToString(), Does.EndWith(Environment.NewLine));
    }

    [TestCase(780, "780 B")]
    [TestCase(12_595, "12.3 KiB")]
    [TestCase(42_991_616, "41.0 MiB")]
    [TestCase(2_254_857_830, "2.10 GiB")]
    public void ByteSize_ForPeople(long bytes, string expected)
    {
        // Act / Assert
        Assert.That(ByteSize.Format(bytes), Is.EqualTo(expected));
    }
}
