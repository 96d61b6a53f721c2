using System.Globalization;

namespace Transcoder.LocalPipeline.Playback;

/// <summary>One HTTP byte range (RFC 9110, 14.1.2): <c>bytes=first-last</c>, <c>bytes=first-</c> or <c>bytes=-suffix</c>.</summary>
internal static class ByteRange
{
    /// <returns>False when the header is not one satisfiable range of a <paramref name="length"/>-byte file.</returns>
    public static bool TryParse(string header, long length, out long start, out long end)
    {
        start = 0;
        end = length - 1;
        const string Unit = "bytes=";
        if (!header.StartsWith(Unit, StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var spec = header[Unit.Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        var first = spec[..dash];
        var last = spec[(dash + 1)..];
        if (first.Length == 0)
        {
            // A suffix: the last N bytes.
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0 || length == 0)
            {
                return false;
            }

            start = Math.Max(0, length - suffix);
            return true;
        }

        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start >= length)
        {
            return false;
        }

        if (last.Length > 0)
        {
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
            {
                return false;
            }

            end = Math.Min(end, length - 1);
        }

        return true;
    }
}
