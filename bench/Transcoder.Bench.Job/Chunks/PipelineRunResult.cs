using Transcoder.Dispatcher.Local;
using Transcoder.Shared.Outputs;

namespace Transcoder.Bench.Job.Chunks;

/// <summary>One upload through the local pipeline: from its notification to its manifest, and what every job process did.</summary>
/// <param name="Wall">From the notification to the last job process's end.</param>
/// <param name="Cpu">User + system time of every job process and its ffmpeg/ffprobe children.</param>
/// <param name="Folder">The outputs, copied from the emulator.</param>
internal sealed record PipelineRunResult(TimeSpan Wall, TimeSpan Cpu, IReadOnlyList<LocalJobExit> Exits, string Folder, JobManifest Manifest)
{
    /// <summary>Seconds in the first log line of any process that holds <paramref name="marker"/>, as "{marker} … in 12.3 s".</summary>
    public IReadOnlyList<double> SecondsLogged(string marker) =>
        [.. Exits.SelectMany(e => e.LastLines).Where(l => l.Contains(marker, StringComparison.Ordinal)).Select(SecondsIn).OfType<double>()];

    private static double? SecondsIn(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"in (\d+(?:\.\d+)?) s");
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
