namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// Where a seek into the source starts reading, for the demuxers whose seek does not find a keyframe. ffmpeg's MPEG-TS
/// and MPEG-PS demuxers (<see cref="MpegSystemStreams"/>) have no index: a seek searches the file for a packet whose decode time is at or before the time
/// asked, and lands on whatever frame that is. The decoder then drops every frame up to the next keyframe, and the
/// frames that come out are a GOP late, labelled as the frames asked for. Measured with ffmpeg 5.1, <c>-ss 4.5 -t 0.5</c>
/// on a 2 s GOP gave the frames of 6.0–6.5 s in both; MP4, Matroska, AVI, FLV, ASF, MXF, NUT, Ogg and IVF found the
/// keyframe before 4.5 s. For those two, a seek reads from the source's own keyframe at or before the time asked, a
/// <see cref="Margin"/> early, and the frames before that time are then dropped or kept as for any source
/// (<see cref="FfmpegArguments"/>' source input).
/// </summary>
internal static class KeyframeSeeking
{
    /// <summary>
    /// How far before a keyframe's presentation time the read starts: the demuxer's search compares decode times, which
    /// run ahead of presentation by the reordering delay (at most 16 pictures in H.264: 0.67 s at 24 fps).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The keyframes seeks must read from in a source of <paramref name="container"/> (ffprobe's format name), the
    /// source's start first: null when its demuxer finds a keyframe itself.
    /// </summary>
    public static IReadOnlyList<TimeSpan>? KeyframesFor(string container, IReadOnlyList<TimeSpan>? keyframes) =>
        MpegSystemStreams.Is(container)
            ? [TimeSpan.Zero, .. (keyframes ?? []).Where(k => k > TimeSpan.Zero).Order()]
            : null;

    /// <summary>
    /// The most a seek reads before the time asked: a source whose packets flag no keyframe for longer than this (none
    /// at all, or a GOP of minutes) is sought as the demuxer seeks, frames lost and all, rather than decoded from the
    /// start for every window of the analysis and the measurement (twenty windows of a 2-hour capture would decode it
    /// twenty times over).
    /// </summary>
    public static readonly TimeSpan MaxReadAhead = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where a seek to <paramref name="at"/> reads from: <paramref name="at"/> itself without
    /// <paramref name="keyframes"/> or when the last of them at or before it is more than <see cref="MaxReadAhead"/>
    /// away, else <see cref="Margin"/> before that keyframe (never before the start).
    /// </summary>
    public static TimeSpan ReadFrom(IReadOnlyList<TimeSpan>? keyframes, TimeSpan at)
    {
        if (keyframes is null)
        {
            return at;
        }

        var before = LastAtOrBefore(keyframes, at);
        var from = before > Margin ? before - Margin : TimeSpan.Zero;
        return at - from > MaxReadAhead ? at : from;
    }

    /// <summary>The keyframes a seek to each of <paramref name="times"/> reads from, and no others: what a chunk of a long source needs.</summary>
    public static IReadOnlyList<TimeSpan>? Only(IReadOnlyList<TimeSpan>? keyframes, IEnumerable<TimeSpan> times) =>
        keyframes is null ? null : [TimeSpan.Zero, .. times.Select(t => LastAtOrBefore(keyframes, t)).Where(k => k > TimeSpan.Zero).Distinct().Order()];

    /// <summary>The keyframe a seek to <paramref name="at"/> decodes from: the last at or before it (the start, listed first, at least).</summary>
    private static TimeSpan LastAtOrBefore(IReadOnlyList<TimeSpan> keyframes, TimeSpan at) => keyframes.LastOrDefault(k => k <= at);
}
