using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>
/// A full-length SSIM and PSNR as a user would measure by hand with one ffmpeg command, read from ffmpeg's own
/// summary lines: what the job's sampled figures are checked against.
/// </summary>
internal static partial class HandWrittenQuality
{
    /// <param name="referenceFilters">The source's filters before the comparison (its rate, tone mapping).</param>
    public static async Task<(double Ssim, double Psnr)> MeasureAsync(
        string rendition, string source, int width, int height, string referenceFilters, CancellationToken cancellationToken)
    {
        var graph = FormattableString.Invariant(
            $"[0:v]scale={width}:{height}:flags=bicubic,format=yuv420p,split[d1][d2];[1:v]{referenceFilters},scale={width}:{height},format=yuv420p,setsar=1,split[r1][r2];[d1][r1]ssim=shortest=1;[d2][r2]psnr=shortest=1");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", "-i", rendition, "-i", source, "-filter_complex", graph, "-f", "null", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not measure {rendition}: {errors}");
        }

        var ssim = double.Parse(SsimSummary().Match(errors).Groups[1].Value, CultureInfo.InvariantCulture);
        var psnr = PsnrSummary().Match(errors).Groups[1].Value;
        return (ssim, psnr == "inf" ? double.PositiveInfinity : double.Parse(psnr, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"SSIM Y:.* All:([0-9.]+)")]
    private static partial Regex SsimSummary();

    [GeneratedRegex(@"PSNR y:.* average:([0-9.]+|inf)")]
    private static partial Regex PsnrSummary();
}
