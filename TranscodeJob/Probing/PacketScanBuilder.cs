using System.Globalization;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// Folds ffprobe's packet lines (<c>stream_index,pts_time,dts_time,duration_time</c>, any of them <c>N/A</c>) into a
/// <see cref="PacketScan"/>, one line at a time: a long source has millions of packets and none is kept.
/// Anything malformed in a line is skipped, never thrown: the input is an untrusted file's timestamps.
/// </summary>
internal sealed class PacketScanBuilder(int videoIndex, IReadOnlySet<int> audioIndexes)
{
    // Timestamps beyond this are not media (TimeSpan itself ends near 29,000 years).
    private const double MaxSeconds = 1e9;

    private double _end = double.NegativeInfinity;
    private double _coveredUntil = double.NaN;
    private double _lastVideoFrame;
    private long _videoPackets;
    private readonly Dictionary<int, double> _nextByStream = [];
    private (double Length, double At) _largestGap;

    public void Push(string line)
    {
        var fields = line.Split(',');
        if (fields.Length < 4 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stream))
        {
            return;
        }

        var isVideo = stream == videoIndex;
        if (!isVideo && !audioIndexes.Contains(stream))
        {
            return; // subtitles, data, cover art: not what plays
        }

        // A raw elementary stream (.h264, .hevc) has no timestamps, only durations: its packets follow each other.
        var duration = Math.Max(0, Seconds(fields[3]) ?? 0);
        if ((Seconds(fields[1]) ?? Seconds(fields[2]) ?? (duration > 0 ? _nextByStream.GetValueOrDefault(stream) : null)) is not { } time)
        {
            return;
        }

        var end = time + duration;
        _nextByStream[stream] = end;
        if (!double.IsNaN(_coveredUntil) && time - _coveredUntil > _largestGap.Length)
        {
            _largestGap = (time - _coveredUntil, _coveredUntil);
        }

        _coveredUntil = double.IsNaN(_coveredUntil) ? end : Math.Max(_coveredUntil, end);
        _end = Math.Max(_end, end);
        if (isVideo)
        {
            _videoPackets++;
            _lastVideoFrame = Math.Max(_lastVideoFrame, time);
        }
    }

    public PacketScan Build(IReadOnlyList<string> errors) => new(
        TimeSpan.FromSeconds(Math.Max(0, double.IsFinite(_end) ? _end : 0)),
        TimeSpan.FromSeconds(Math.Max(0, _lastVideoFrame)),
        _videoPackets,
        (TimeSpan.FromSeconds(_largestGap.Length), TimeSpan.FromSeconds(Math.Max(0, _largestGap.At))),
        errors);

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) < MaxSeconds
            ? value
            : null;
}
