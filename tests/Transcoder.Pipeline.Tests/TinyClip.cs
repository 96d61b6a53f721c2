using System.Diagnostics;

namespace Transcoder.Pipeline.Tests;

/// <summary>A clip made by real ffmpeg for one test: a second or two at low resolution runs the same code as a film.</summary>
internal static class TinyClip
{
    public static Task<string> MakeAsync(string folder, string name, string size, double seconds, CancellationToken cancellationToken) =>
        RunFfmpegAsync(folder, name, [.. Sources(size, seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"], cancellationToken);

    /// <summary>The same in Matroska, with a SubRip track per language (the ISO 639-2 code as containers write it, and the cues).</summary>
    public static async Task<string> MakeWithSubtitlesAsync(
        string folder, string name, string size, double seconds, IReadOnlyList<(string Language, string SubRip)> tracks, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var arguments = new List<string>(Sources(size, seconds));
        for (var i = 0; i < tracks.Count; i++)
        {
            var srt = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{i}.srt");
            await File.WriteAllTextAsync(srt, tracks[i].SubRip, cancellationToken);
            arguments.AddRange(["-i", srt]);
        }

        arguments.AddRange(["-map", "0:v", "-map", "1:a"]);
        for (var i = 0; i < tracks.Count; i++)
        {
            arguments.AddRange(["-map", $"{i + 2}", $"-metadata:s:s:{i}", $"language={tracks[i].Language}"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-c:s", "srt"]);
        return await RunFfmpegAsync(folder, name, arguments, cancellationToken);
    }

    private static string[] Sources(string size, double seconds) =>
    [
        "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=25:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    ];

    private static async Task<string> RunFfmpegAsync(string folder, string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments, path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, await errors);
        return path;
    }
}
