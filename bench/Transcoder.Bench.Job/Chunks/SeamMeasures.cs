using System.Diagnostics;
using System.Globalization;

namespace Transcoder.Bench.Job.Chunks;

/// <summary>What the seams between chunks look and sound like: per-frame SSIM against the source, audio packet continuity.</summary>
internal static class SeamMeasures
{
    /// <summary>Every frame's SSIM (ffmpeg's All) of <paramref name="track"/> against <paramref name="source"/>, in order.</summary>
    public static async Task<IReadOnlyList<double>> SsimPerFrameAsync(string track, string source, string scratch)
    {
        var stats = Path.Combine(scratch, $"ssim-{Guid.NewGuid():N}.log");
        await FfmpegProcess.RunAsync(
        [
            "-hide_banner", "-loglevel", "error", "-i", track, "-i", source,
            "-lavfi", $"[0:v]settb=AVTB,setpts=PTS-STARTPTS[a];[1:v]settb=AVTB,setpts=PTS-STARTPTS[b];[a][b]ssim=stats_file={stats}",
            "-f", "null", "-",
        ]);
        var values = (await File.ReadAllLinesAsync(stats))
            .Select(line => line.Split(' ').FirstOrDefault(part => part.StartsWith("All:", StringComparison.Ordinal)))
            .OfType<string>()
            .Select(part => double.Parse(part[4..], CultureInfo.InvariantCulture))
            .ToList();
        File.Delete(stats);
        return values;
    }

    /// <summary>
    /// The largest gap or overlap between consecutive audio packets (one packet's end to the next one's start), in
    /// samples at the track's timescale, and the number of packets.
    /// </summary>
    public static async Task<(long Worst, int Packets)> AudioContinuityAsync(string audioTrack)
    {
        var lines = await ProbeAsync(["-v", "error", "-select_streams", "a:0", "-show_entries", "packet=pts,duration", "-of", "csv=p=0", audioTrack]);
        // The first packet has no duration of its own (the encoder's priming, cut by the edit list): it is not compared.
        var packets = lines.Select(l => l.Split(','))
            .Select(p => (Pts: long.TryParse(p[0], CultureInfo.InvariantCulture, out var pts) ? pts : (long?)null,
                          Duration: p.Length > 1 && long.TryParse(p[1], CultureInfo.InvariantCulture, out var duration) ? duration : (long?)null))
            .ToList();
        var worst = packets.Zip(packets.Skip(1), (a, b) => a is { Pts: { } pts, Duration: { } length } && b.Pts is { } next ? Math.Abs(next - (pts + length)) : 0)
            .DefaultIfEmpty(0).Max();
        return (worst, packets.Count);
    }

    public static async Task<int> VideoFramesAsync(string track) =>
        (await ProbeAsync(["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts", "-of", "csv=p=0", track])).Count;

    private static async Task<IReadOnlyList<string>> ProbeAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
