using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>Decodes a whole file or playlist with ffmpeg (to nowhere) and reports how much it decoded.</summary>
internal static partial class FfmpegDecode
{
    /// <summary>Seconds decoded; fails on any decode error. Playlists may name any extension (.cmfv, .cmfa).</summary>
    public static async Task<double> DurationAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        var format = Path.GetExtension(path) switch { ".m3u8" => "hls", ".mpd" => "dash", _ => null };
        string[] arguments = format is null
            ? ["-hide_banner", "-nostdin", "-xerror", "-i", path, "-f", "null", "-"]
            : ["-hide_banner", "-nostdin", "-xerror", "-allowed_extensions", "ALL", "-f", format, "-i", path, "-f", "null", "-"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not decode {path}: {errors}");
        }

        // The last progress line: "... time=00:00:04.50 ...".
        var times = Time().Matches(errors);
        var last = times[^1].Groups;
        return int.Parse(last[1].Value, CultureInfo.InvariantCulture) * 3600 + int.Parse(last[2].Value, CultureInfo.InvariantCulture) * 60
               + double.Parse(last[3].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"time=(\d+):(\d+):(\d+\.\d+)")]
    private static partial Regex Time();
}
