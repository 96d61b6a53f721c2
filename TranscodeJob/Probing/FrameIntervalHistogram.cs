namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// The spacing of a video's frames, in bounded memory whatever its length: intervals are counted in bins a sixteenth of
/// an octave wide (61 µs to 4.5 hours), and each bin keeps the sum of its intervals so that a percentile is exact to
/// the mean of its bin, not to the bin's width.
/// </summary>
internal sealed class FrameIntervalHistogram
{
    private const int BinsPerOctave = 16;
    private const int LowestOctave = -14;
    private const int Octaves = 28;

    private readonly long[] _counts = new long[BinsPerOctave * Octaves];
    private readonly double[] _sums = new double[BinsPerOctave * Octaves];

    public long Count { get; private set; }

    public void Add(double seconds)
    {
        if (!(seconds > 0) || !double.IsFinite(seconds))
        {
            return; // two frames on one timestamp say nothing about the rate
        }

        var bin = (int)Math.Floor((Math.Log2(seconds) - LowestOctave) * BinsPerOctave);
        bin = Math.Clamp(bin, 0, _counts.Length - 1);
        _counts[bin]++;
        _sums[bin] += seconds;
        Count++;
    }

    /// <summary>
    /// The interval below which <paramref name="fraction"/> of the frames follow their predecessor (0.2: the spacing of
    /// the fastest fifth of the video); null without intervals.
    /// </summary>
    public TimeSpan? Percentile(double fraction)
    {
        if (Count == 0)
        {
            return null;
        }

        var wanted = Math.Max(1, (long)Math.Ceiling(Count * fraction));
        long seen = 0;
        for (var bin = 0; bin < _counts.Length; bin++)
        {
            seen += _counts[bin];
            if (seen >= wanted)
            {
                return TimeSpan.FromSeconds(_sums[bin] / _counts[bin]);
            }
        }

        return null;
    }
}
