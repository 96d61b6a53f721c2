using System.Diagnostics;
using System.Globalization;

namespace Transcoder.Pipeline.Tests;

/// <summary>A clip made by real ffmpeg for one test: a second or two at low resolution runs the same code as a film.</summary>
internal static class TinyClip
{
    public static Task<string> MakeAsync(string folder, string name, string size, double seconds, CancellationToken cancellationToken) =>
        RunAsync(folder, name,
            [.. Picture(size, seconds), .. Tone(440, seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"],
            cancellationToken);

    /// <summary>
    /// A clip with two audio languages, English (the default, 440 Hz) and French (330 Hz); with no
    /// <paramref name="size"/>, no picture either (an audiobook).
    /// </summary>
    public static Task<string> MakeTwoLanguagesAsync(string folder, string name, string? size, double seconds, CancellationToken cancellationToken)
    {
        string[] picture = size is null ? [] : Picture(size, seconds);
        string[] video = size is null ? [] : ["-map", "0:v", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
        var first = size is null ? 0 : 1;
        return RunAsync(folder, name,
            [.. picture, .. Tone(440, seconds), .. Tone(330, seconds), .. video, "-map", $"{first}:a", "-map", $"{first + 1}:a", "-c:a", "aac", .. TwoLanguages],
            cancellationToken);
    }

    /// <summary>
    /// A Matroska clip with two audio languages (English, the default, 440 Hz; French, 330 Hz) and a SubRip track per
    /// entry of <paramref name="tracks"/> (the ISO 639-2 code as containers write it, and the cues).
    /// </summary>
    public static async Task<string> MakeWithSubtitlesAsync(
        string folder, string name, string size, double seconds, IReadOnlyList<(string Language, string SubRip)> tracks, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var arguments = new List<string>([.. Picture(size, seconds), .. Tone(440, seconds), .. Tone(330, seconds)]);
        for (var i = 0; i < tracks.Count; i++)
        {
            var srt = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{i}.srt");
            await File.WriteAllTextAsync(srt, tracks[i].SubRip, cancellationToken);
            arguments.AddRange(["-i", srt]);
        }

        arguments.AddRange(["-map", "0:v", "-map", "1:a", "-map", "2:a"]);
        for (var i = 0; i < tracks.Count; i++)
        {
            arguments.AddRange(["-map", $"{i + 3}", $"-metadata:s:s:{i}", $"language={tracks[i].Language}"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-c:s", "srt",
            .. TwoLanguages]);
        return await RunAsync(folder, name, [.. arguments], cancellationToken);
    }

    // The first audio stream English and the default, the second French.
    private static readonly string[] TwoLanguages =
        ["-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fre", "-disposition:a:0", "default", "-disposition:a:1", "0"];

    private static string[] Picture(string size, double seconds) =>
        ["-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={size}:rate=25:duration={seconds}")];

    private static string[] Tone(int frequency, double seconds) =>
        ["-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"sine=frequency={frequency}:sample_rate=48000:duration={seconds}")];

    private static async Task<string> RunAsync(string folder, string name, string[] arguments, CancellationToken cancellationToken)
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
