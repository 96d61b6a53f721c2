using System.Globalization;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// Folds ffprobe's packet lines (<c>stream_index,pts_time,dts_time,duration_time,flags</c>, any of them <c>N/A</c>) into a
/// <see cref="PacketScan"/>, one line at a time: a long source has millions of packets, and what is kept is bounded
/// (a frame-interval histogram, a 16-frame reordering window, the holds and silences longer than 10 s).
/// Anything malformed in a line is skipped, never thrown: the input is an untrusted file's timestamps.
/// </summary>
/// <param name="videoIndex">The video stream, or -1 for an audio-only source.</param>
/// <param name="audioIndexes">The audio streams that time the source (<see cref="SourceMedia.TimingStreams"/>); any
/// other stream only counts towards <see cref="PacketScan.OtherStreamsEnd"/>.</param>
internal sealed class PacketScanBuilder(int videoIndex, IReadOnlySet<int> audioIndexes)
{
    // Timestamps beyond this are not media (TimeSpan itself ends near 29,000 years).
    private const double MaxSeconds = 1e9;

    // B-frames come in decode order; presentation order is restored within this many frames (H.264 and HEVC reorder
    // at most 16 pictures).
    private const int ReorderWindow = 16;

    // Holds and silences shorter than this are never in question; longer ones are kept to be weighed against each
    // other at the end (a few hundred for a 4-hour source at the most, capped in case of a hostile one).
    private const double TrackedSeconds = 10;
    private const int MaxTracked = 100_000;

    // Keyframes closer than this to the last one kept are not kept: a seek needs one near, not every one (an all-intra
    // source has a keyframe per frame); four hours need at most 28,800.
    private const double KeyframeSpacing = 0.5;

    private double _start = double.PositiveInfinity;
    private double _end = double.NegativeInfinity;
    private double _otherEnd = double.NegativeInfinity;
    private double _coveredUntil = double.NaN;
    private double _lastVideoFrame = double.NegativeInfinity;
    private long _videoPackets;
    private long _audioPackets;
    private readonly Dictionary<int, long> _packetsByStream = [];
    private readonly Dictionary<int, double> _nextByStream = [];
    private (double Length, double At) _largestGap;

    private readonly PriorityQueue<double, double> _reorder = new();
    private double _previousFrame = double.NaN;
    private readonly FrameIntervalHistogram _intervals = new();
    private readonly List<(double From, double To)> _holds = [];
    private readonly List<double> _keyframes = [];

    private double _audioStart = double.PositiveInfinity;
    private double _audioCoveredUntil = double.NaN;
    private readonly List<(double From, double To)> _silences = [];

    public void Push(string line)
    {
        var fields = line.Split(',');
        if (fields.Length < 4 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stream))
        {
            return;
        }

        // Flagged for discard (an AAC encoder's priming frame before zero, under an edit list): never presented.
        if (fields.Length > 4 && fields[4].Contains('D', StringComparison.Ordinal))
        {
            return;
        }

        // A raw elementary stream (.h264, .hevc) has no timestamps, only durations: its packets follow each other.
        var duration = Math.Max(0, Seconds(fields[3]) ?? 0);
        if ((Seconds(fields[1]) ?? Seconds(fields[2]) ?? (duration > 0 ? _nextByStream.GetValueOrDefault(stream) : null)) is not { } time)
        {
            return;
        }

        var end = time + duration;
        _nextByStream[stream] = end;
        _packetsByStream[stream] = _packetsByStream.GetValueOrDefault(stream) + 1;
        var isVideo = stream == videoIndex;
        var isAudio = audioIndexes.Contains(stream);
        if (!isVideo && !isAudio)
        {
            _otherEnd = Math.Max(_otherEnd, end); // subtitles, data, cover art, other audio: not what plays
            return;
        }

        if (!double.IsNaN(_coveredUntil) && time - _coveredUntil > _largestGap.Length)
        {
            _largestGap = (time - _coveredUntil, _coveredUntil);
        }

        _coveredUntil = double.IsNaN(_coveredUntil) ? end : Math.Max(_coveredUntil, end);
        _start = Math.Min(_start, time);
        _end = Math.Max(_end, end);
        if (isVideo)
        {
            PushVideo(time, keyframe: fields.Length > 4 && fields[4].Contains('K', StringComparison.Ordinal));
        }
        else
        {
            _audioPackets++;
            PushAudio(time, end);
        }
    }

    private void PushVideo(double time, bool keyframe)
    {
        _videoPackets++;
        _lastVideoFrame = Math.Max(_lastVideoFrame, time);
        if (keyframe)
        {
            PushKeyframe(time);
        }

        _reorder.Enqueue(time, time);
        if (_reorder.Count > ReorderWindow)
        {
            NextFrame(_reorder.Dequeue());
        }
    }

    public PacketScan Build(IReadOnlyList<string> errors)
    {
        while (_reorder.Count > 0)
        {
            NextFrame(_reorder.Dequeue());
        }

        var start = double.IsFinite(_start) ? _start : 0;
        var end = double.IsFinite(_end) ? _end : start;
        return new PacketScan(
            Span(end - start),
            Span(_lastVideoFrame - start),
            _videoPackets,
            (Span(_largestGap.Length), Span(_largestGap.At - start)),
            errors)
        {
            // Not clamped at zero as the spans are: a clock can read below it (a transport stream whose 33-bit clock
            // wraps is given negative times before the wrap, a Matroska file's Opus its codec delay), and the lead-in is
            // measured from the container's start on the same clock.
            Start = TimeSpan.FromSeconds(start),
            AudioPackets = _audioPackets,
            PacketsByStream = _packetsByStream,
            OtherStreamsEnd = _otherEnd > end ? Span(_otherEnd - start) : null,
            MovingFrameInterval = _intervals.Percentile(0.2),
            LongestSilentStill = LongestSilentStill(start, end),
            Keyframes = [.. _keyframes.Order().Select(k => Span(k - start))],
        };
    }

    private void PushKeyframe(double time)
    {
        if (_keyframes.Count < MaxTracked && (_keyframes.Count == 0 || Math.Abs(time - _keyframes[^1]) >= KeyframeSpacing))
        {
            _keyframes.Add(time);
        }
    }

    private void NextFrame(double time)
    {
        if (!double.IsNaN(_previousFrame))
        {
            _intervals.Add(time - _previousFrame);
            Track(_holds, _previousFrame, time);
        }

        _previousFrame = time;
    }

    private void PushAudio(double time, double end)
    {
        if (double.IsNaN(_audioCoveredUntil))
        {
            _audioStart = time;
            _audioCoveredUntil = end;
            return;
        }

        Track(_silences, _audioCoveredUntil, time);
        _audioCoveredUntil = Math.Max(_audioCoveredUntil, end);
    }

    private static void Track(List<(double From, double To)> list, double from, double to)
    {
        if (to - from > TrackedSeconds && list.Count < MaxTracked)
        {
            list.Add((from, to));
        }
    }

    // A hold is silent where no kept audio plays: before the audio starts, after it ends, or in a gap of it. The last
    // frame's hold up to the end counts too (one frame, then the rest of the timeline).
    private (TimeSpan Length, TimeSpan At) LongestSilentStill(double start, double end)
    {
        if (double.IsFinite(_lastVideoFrame))
        {
            Track(_holds, _lastVideoFrame, end);
        }

        var hasAudio = !double.IsNaN(_audioCoveredUntil);
        (double Length, double At) longest = default;
        foreach (var (from, to) in _holds)
        {
            (double Length, double At) silent = hasAudio ? SilentPart(from, to) : (to - from, from);
            if (silent.Length > longest.Length)
            {
                longest = silent;
            }
        }

        return (Span(longest.Length), Span(longest.At - start));
    }

    private (double Length, double At) SilentPart(double from, double to)
    {
        (double Length, double At) longest = default;
        void Consider(double a, double b)
        {
            var length = Math.Min(b, to) - Math.Max(a, from);
            if (length > longest.Length)
            {
                longest = (length, Math.Max(a, from));
            }
        }

        Consider(double.NegativeInfinity, _audioStart);
        Consider(_audioCoveredUntil, double.PositiveInfinity);
        foreach (var (a, b) in _silences)
        {
            Consider(a, b);
        }

        return longest;
    }

    private static TimeSpan Span(double seconds) => TimeSpan.FromSeconds(Math.Max(0, double.IsFinite(seconds) ? seconds : 0));

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) < MaxSeconds
            ? value
            : null;
}
