using System.Diagnostics;

namespace Transcoder.Bench.Job;

/// <summary>Runs ffmpeg with an argument list and fails loudly; the CPU it uses shows in <see cref="ChildCpuTime"/>.</summary>
internal static class FfmpegProcess
{
    public static async Task RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {errors}");
        }
    }
}
