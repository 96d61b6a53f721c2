using System.Runtime.InteropServices;

namespace Transcoder.Bench.Job;

/// <summary>
/// CPU time (user + system) of this process's finished, reaped children: every ffmpeg and ffprobe the pipeline
/// ran. getrusage(RUSAGE_CHILDREN) counts them exactly, whatever else the machine is doing.
/// </summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    public static TimeSpan Read()
    {
        if (GetRusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime);
    }

    private static TimeSpan ToTimeSpan(TimeVal value) =>
        TimeSpan.FromSeconds(value.Seconds) + TimeSpan.FromMicroseconds(value.Microseconds);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    // struct rusage on 64-bit Linux: two timevals and fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Rusage
    {
        public TimeVal UserTime;
        public TimeVal SystemTime;
        public fixed long Rest[14];
    }
}
