using System.Diagnostics;
using System.Globalization;

namespace Transcoder.Bench.Job;

/// <summary>The clips measured: the bundled sample, and a longer 1080p clip generated once (lavfi, like the sample).</summary>
public static class BenchClip
{
    public static string Sample(string repositoryRoot) => Path.Combine(repositoryRoot, "samples", "sample-1080p.mp4");

    public static async Task<string> LongAsync(string folder, int seconds)
    {
        var path = Path.Combine(folder, $"long-1080p-{seconds}s.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var duration = seconds.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])
                 [
                     "-hide_banner", "-loglevel", "error", "-y",
                     "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={duration}",
                     "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={duration}",
                     "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
                     "-c:a", "aac", "-movflags", "+faststart", path + ".partial.mp4",
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make the long clip: {errors}");
        }

        File.Move(path + ".partial.mp4", path);
        return path;
    }
}
