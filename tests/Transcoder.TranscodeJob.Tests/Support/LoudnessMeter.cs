using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// The integrated loudness of a file's audio, from ebur128's own summary on stderr: a reading independent of the
/// frame-metadata file the job reads.
/// </summary>
internal static partial class LoudnessMeter
{
    public static async Task<double> IntegratedLufsAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-nostats", "-i", path, "-map", "0:a:0", "-af", "ebur128", "-f", "null", "-"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var summary = Integrated().Match(errors);
        if (process.ExitCode != 0 || !summary.Success)
        {
            throw new InvalidOperationException($"ffmpeg could not measure {path}: {errors}");
        }

        return double.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    // "Integrated loudness:\n    I:         -23.0 LUFS" in the summary.
    [GeneratedRegex(@"Integrated loudness:\s+I:\s+(-?\d+(?:\.\d+)?) LUFS")]
    private static partial Regex Integrated();
}
