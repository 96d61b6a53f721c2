namespace Transcoder.Bench.Job;

/// <summary>One measured run: its wall time and the CPU time (user + system) of the ffmpeg/ffprobe processes it ran.</summary>
internal sealed record Measurement(TimeSpan Wall, TimeSpan Cpu)
{
    /// <summary>Runs <paramref name="work"/> and measures it; the machine's other processes do not count.</summary>
    public static async Task<Measurement> OfAsync(Func<Task> work)
    {
        var cpuBefore = ChildCpuTime.Read();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await work();
        clock.Stop();
        return new Measurement(clock.Elapsed, ChildCpuTime.Read() - cpuBefore);
    }
}
