namespace Transcoder.TranscodeJob.Packaging;

/// <summary>One media segment as the bit-rate rules see it: its size and its duration (EXTINF, or DASH S@d).</summary>
internal readonly record struct SegmentSize(long Bytes, double Seconds);

/// <summary>
/// The bit rates of one HLS media playlist as RFC 8216, 4.1 defines them. The peak segment bit rate is the largest
/// bit rate of any contiguous set of segments whose total duration is between 0.5 and 1.5 times the target
/// duration (so a 21 ms last segment counts together with its neighbour instead of alone); the average segment bit
/// rate is all the segments' bits over the playlist's duration.
/// </summary>
internal static class HlsSegmentBitRate
{
    public static double Peak(IReadOnlyList<SegmentSize> segments, long targetDuration)
    {
        double low = 0.5 * targetDuration, high = 1.5 * targetDuration, peak = 0;
        var found = false;
        for (var first = 0; first < segments.Count; first++)
        {
            double bits = 0, seconds = 0;
            for (var last = first; last < segments.Count; last++)
            {
                bits += segments[last].Bytes * 8.0;
                seconds += segments[last].Seconds;
                if (seconds > high)
                {
                    break;
                }

                if (seconds >= low && seconds > 0)
                {
                    peak = Math.Max(peak, bits / seconds);
                    found = true;
                }
            }
        }

        // A playlist shorter than half its target duration has no such set: the whole playlist is the one set there is.
        return found ? peak : Average(segments);
    }

    public static double Average(IReadOnlyList<SegmentSize> segments)
    {
        var seconds = segments.Sum(s => s.Seconds);
        return seconds > 0 ? segments.Sum(s => s.Bytes * 8.0) / seconds : 0;
    }

    /// <summary>RFC 8216, 4.3.3.1: every EXTINF rounded to the nearest integer must be at most the target duration.</summary>
    public static long TargetDuration(IEnumerable<SegmentSize> segments) =>
        (long)Math.Max(1, segments.Max(s => Math.Round(s.Seconds, MidpointRounding.AwayFromZero)));
}
