using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Progress of the renditions being encoded: one redrawn line on a terminal, a log line at a fixed interval in a
/// container (where a redrawn line would only fill the log).
/// </summary>
/// <param name="terminal">stderr when it is a terminal, else null.</param>
internal sealed class ProgressBoard(
    TimeSpan duration,
    IEnumerable<string> renditions,
    ILogger logger,
    TextWriter? terminal,
    TimeProvider time,
    TimeSpan logInterval)
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, double> _done = renditions.ToDictionary(r => r, _ => 0.0);
    private readonly Lock _gate = new();
    private long _lastOutput = time.GetTimestamp();

    public IProgress<TimeSpan> For(string rendition) => new RenditionProgress(this, rendition);

    /// <summary>How much of the ladder is encoded, 0 to 1 (the renditions' average).</summary>
    public double Done
    {
        get
        {
            lock (_gate)
            {
                return _done.Count == 0 ? 0 : _done.Values.Average();
            }
        }
    }

    /// <summary>Clears the terminal line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            terminal?.Write("\r\u001b[K");
            terminal?.Flush();
        }
    }

    private void Report(string rendition, TimeSpan encoded)
    {
        lock (_gate)
        {
            _done[rendition] = duration > TimeSpan.Zero ? Math.Clamp(encoded / duration, 0, 1) : 0;
            var now = time.GetTimestamp();
            var interval = terminal is null ? logInterval : RedrawInterval;
            if (time.GetElapsedTime(_lastOutput, now) < interval)
            {
                return;
            }

            _lastOutput = now;
            var overall = _done.Values.Average() * 100;
            var detail = string.Join(", ", _done.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value * 100:0}%")));
            if (terminal is not null)
            {
                // Back to column 0 after drawing: a log line printed meanwhile overwrites the bar instead of
                // continuing after it, and the next redraw puts the bar back below.
                terminal.Write(Bar(overall) + " " + detail + "\r");
                terminal.Flush();
            }
            else
            {
                logger.LogInformation("Encoding {Percent:0}% ({Detail})", overall, detail);
            }
        }
    }

    private static string Bar(double percent)
    {
        const int width = 30;
        var filled = (int)(percent / 100 * width);
        return new StringBuilder("\r\u001b[K[")
            .Append('#', filled).Append('.', width - filled)
            .Append(CultureInfo.InvariantCulture, $"] {percent,3:0}%")
            .ToString();
    }

    private sealed class RenditionProgress(ProgressBoard board, string rendition) : IProgress<TimeSpan>
    {
        public void Report(TimeSpan value) => board.Report(rendition, value);
    }
}
