using System.Globalization;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Reads what <c>ametadata=mode=print</c> wrote after <c>ebur128</c>: the last frame's running values are the track's
/// integrated loudness, loudness range and (per channel, the highest so far) true peaks.
/// </summary>
internal static class LoudnessReport
{
    private const string Prefix = "lavfi.r128.";

    // ebur128's floor for silence; a true peak of exactly zero has no decibel value and is reported at this floor too.
    private const double SilenceDb = -70;

    /// <summary>Null when the file is missing or never got a value (no audio frames reached the filter).</summary>
    public static ManifestLoudness? Read(string path, double? targetLufs)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        double? integrated = null, range = null;
        var peaks = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.StartsWith(Prefix, StringComparison.Ordinal) || eq < 0)
            {
                continue;
            }

            var key = line[Prefix.Length..eq];
            if (!double.TryParse(line.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if (key == "I")
            {
                integrated = value;
            }
            else if (key == "LRA")
            {
                range = value;
            }
            else if (key.StartsWith("true_peaks_ch", StringComparison.Ordinal))
            {
                peaks[key] = value;
            }
        }

        if (integrated is not { } i || range is not { } lra || peaks.Count == 0)
        {
            return null;
        }

        var peak = peaks.Values.Max();
        var peakDb = peak > 0 ? Math.Max(SilenceDb, 20 * Math.Log10(peak)) : SilenceDb;
        return new ManifestLoudness(Math.Round(i, 1), Math.Round(lra, 1), Math.Round(peakDb, 1), targetLufs);
    }
}
