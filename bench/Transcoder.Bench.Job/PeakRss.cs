using System.Globalization;

namespace Transcoder.Bench.Job;

/// <summary>
/// The peak resident memory of all running ffmpeg processes together, sampled from /proc every 50 ms while a job
/// runs: what a Fargate task's memory limit has to hold (the job's own .NET process is measured apart).
/// </summary>
internal sealed class PeakRss : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakKib;

    private PeakRss() => _sampler = Task.Run(SampleAsync);

    public static PeakRss Start() => new();

    public long PeakMib => Interlocked.Read(ref _peakKib) / 1024;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            long total = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "ffmpeg")
                    {
                        total += VmRssKib(File.ReadAllLines(Path.Combine(directory, "status")));
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Not a process, or it ended between the listing and the read.
                }
            }

            if (total > Interlocked.Read(ref _peakKib))
            {
                Interlocked.Exchange(ref _peakKib, total);
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static long VmRssKib(string[] status) =>
        status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;
}
