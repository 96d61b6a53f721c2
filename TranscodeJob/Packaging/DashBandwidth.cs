namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// A DASH Representation's <c>@bandwidth</c> as ISO/IEC 23009-1, 5.3.5.2 defines it together with the MPD's
/// <c>@minBufferTime</c>: the lowest rate of a constant-bit-rate channel such that, delivery starting at any SAP
/// (here every segment's start, <c>startWithSAP="1"</c>) and playout starting <c>minBufferTime</c> after the first
/// bit, playout never stalls. A leaky bucket over the segments: each segment must have arrived whole by the time
/// playout reaches its start, so for every start segment <c>i</c> and every later segment <c>j</c>,
/// <c>bits(i..j) / bandwidth &lt;= minBufferTime + (start(j) - start(i))</c>. A tiny last segment adds its few
/// bits to a bucket that has been draining for the whole buffer time, so it no longer sets the figure.
/// </summary>
internal static class DashBandwidth
{
    public static long Of(IReadOnlyList<SegmentSize> segments, double minBufferSeconds)
    {
        if (minBufferSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minBufferSeconds), "the buffer time must be positive");
        }

        double needed = 0;
        for (var first = 0; first < segments.Count; first++)
        {
            double bits = 0, elapsed = 0;
            for (var last = first; last < segments.Count; last++)
            {
                bits += segments[last].Bytes * 8.0;
                // Segment `last` is played from minBufferTime + (its start - the first's start).
                needed = Math.Max(needed, bits / (minBufferSeconds + elapsed));
                elapsed += segments[last].Seconds;
            }
        }

        return (long)Math.Ceiling(needed);
    }

    /// <summary>The MPD's <c>@minBufferTime</c>: the longest segment, rounded up to whole seconds, so one segment
    /// of every representation fits the buffer.</summary>
    public static double MinBufferSeconds(IEnumerable<FragmentedMp4> tracks) =>
        Math.Ceiling(tracks.Max(t => t.Segments.Max(s => s.Seconds)));
}
