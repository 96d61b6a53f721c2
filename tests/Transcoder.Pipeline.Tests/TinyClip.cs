using System.Diagnostics;

namespace Transcoder.Pipeline.Tests;

/// <summary>A clip made by real ffmpeg for one test: a second or two at low resolution runs the same code as a film.</summary>
internal static class TinyClip
{
    public static async Task<string> MakeAsync(string folder, string name, string size, double seconds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path,
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, await errors);
        return path;
    }
}
