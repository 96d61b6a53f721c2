using System.Globalization;

namespace Transcoder.Client.Progress;

/// <summary>
/// One line redrawn in place (carriage return) on a terminal: a bar, the percentage, bytes sent of the total. Redrawn
/// at most ten times a second, whatever the number of parts reporting.
/// </summary>
internal sealed class TerminalProgressBar(TextWriter terminal, TimeProvider time) : IUploadProgress
{
    private const int Width = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private long _total;
    private long _sent;
    private long _lastDrawn = long.MinValue;

    public void Start(long totalBytes)
    {
        lock (_gate)
        {
            _total = totalBytes;
            Draw();
        }
    }

    public void Add(long bytes)
    {
        lock (_gate)
        {
            _sent += bytes;
            if (time.GetTimestamp() - _lastDrawn >= RedrawInterval.TotalSeconds * time.TimestampFrequency)
            {
                Draw();
            }
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            Draw();
            terminal.WriteLine();
        }
    }

    private void Draw()
    {
        _lastDrawn = time.GetTimestamp();
        var fraction = _total == 0 ? 1 : Math.Clamp((double)_sent / _total, 0, 1);
        var filled = (int)(fraction * Width);
        terminal.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}%  {ByteSize.Format(_sent)} / {ByteSize.Format(_total)}   "));
        terminal.Flush();
    }
}
