using System.Globalization;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// Reads the per-frame lines ffmpeg's <c>ssim</c> and <c>psnr</c> filters write to their <c>stats_file</c>:
/// <c>n:1 Y:0.98 U:0.99 V:0.99 All:0.985 (18.2)</c> and <c>n:1 mse_avg:2.41 mse_y:… psnr_avg:44.3 …</c>.
/// </summary>
internal static class QualityStatsFile
{
    public static void ReadSsim(IEnumerable<string> lines, QualityScores scores)
    {
        foreach (var line in lines)
        {
            if (Field(line, "All") is { } ssim)
            {
                scores.AddSsim(ssim);
            }
        }
    }

    public static void ReadPsnr(IEnumerable<string> lines, QualityScores scores)
    {
        foreach (var line in lines)
        {
            if (Field(line, "mse_avg") is { } mse)
            {
                scores.AddMse(mse);
            }
        }
    }

    /// <summary>A stats file's lines, the file removed; none when ffmpeg wrote none.</summary>
    public static async Task<string[]> ReadAndDeleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        File.Delete(path);
        return lines;
    }

    private static double? Field(string line, string name)
    {
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            if (colon > 0 && part.AsSpan(0, colon).SequenceEqual(name)
                && double.TryParse(part.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value))
            {
                return value;
            }
        }

        return null;
    }
}
