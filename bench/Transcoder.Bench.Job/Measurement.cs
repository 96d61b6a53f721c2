namespace Transcoder.Bench.Job;

/// <summary>One job run: wall time and the CPU its ffmpeg processes used.</summary>
public sealed record Measurement(string Clip, int Parallelism, TimeSpan Wall, TimeSpan FfmpegCpu, int Cores)
{
    /// <summary>
    /// Wall time over the time the work would take with every core busy. 1.0 is the machine's limit; 2.0 means
    /// half the cores sat idle on average.
    /// </summary>
    public double WallOverBusyTime => Wall.TotalSeconds / (FfmpegCpu.TotalSeconds / Cores);
}
