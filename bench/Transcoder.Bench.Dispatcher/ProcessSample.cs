using System.Globalization;

namespace Transcoder.Bench.Dispatcher;

/// <summary>A process's resident memory and CPU time so far, read from /proc (Linux).</summary>
internal sealed record ProcessSample(long RssBytes, TimeSpan CpuTime)
{
    // /proc/<pid>/stat fields 14 and 15 (utime, stime) are in clock ticks; USER_HZ is 100 on Linux.
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        var rssKb = long.Parse(status.Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessSample(rssKb * 1024, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }
}
