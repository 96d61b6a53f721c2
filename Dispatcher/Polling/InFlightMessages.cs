namespace Transcoder.Dispatcher.Polling;

/// <summary>The messages being handled right now: each drops out as it ends, and shutdown waits for the rest.</summary>
internal sealed class InFlightMessages
{
    private readonly HashSet<Task> _work = [];

    public void Track(Task work)
    {
        lock (_work)
        {
            _work.Add(work);
        }

        _ = work.ContinueWith(
            done =>
            {
                lock (_work)
                {
                    _work.Remove(done);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task[] Snapshot()
    {
        lock (_work)
        {
            return [.. _work];
        }
    }
}
