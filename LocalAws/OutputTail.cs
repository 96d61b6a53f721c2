namespace Transcoder.LocalAws;

/// <summary>The last lines a child process printed, kept for a failure message.</summary>
public sealed class OutputTail(int capacity = 200)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, Lines);
}
