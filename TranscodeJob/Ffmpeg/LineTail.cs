namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>Keeps the last few lines of a stream that may be long (ffmpeg's stderr), thread-safe.</summary>
internal sealed class LineTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line.Trim());
        }
    }

    public IReadOnlyList<string> ToList()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
