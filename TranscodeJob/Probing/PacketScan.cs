namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// What the source's packets say, read without decoding: where the media starts and ends, where its last video frame
/// starts, the longest stretch with no packet of any kept stream, how its frames are spaced, and the demuxer's errors
/// (a truncated file's trace). Every time is measured from <see cref="Start"/>, the first packet of the video or the
/// kept audio: a broadcast capture whose clock reads 19,207 s at its first packet lasts as long as its packets span.
/// </summary>
/// <param name="End">The latest packet end (time + duration) of the video and the kept audio.</param>
/// <param name="LastVideoFrame">When the last video frame starts: what lies after it up to the end is its hold.</param>
/// <param name="LargestGap">The longest time with no packet of the video or the kept audio, and where it starts.</param>
internal sealed record PacketScan(
    TimeSpan End,
    TimeSpan LastVideoFrame,
    long VideoPackets,
    (TimeSpan Length, TimeSpan At) LargestGap,
    IReadOnlyList<string> Errors)
{
    /// <summary>Packets of the audio streams that time the source.</summary>
    public long AudioPackets { get; init; }

    /// <summary>
    /// How many packets each stream has, by stream index (flagged for discard, or with no timestamp at all, they do
    /// not count): a stream the header lists but that has none is empty.
    /// </summary>
    public IReadOnlyDictionary<int, long> PacketsByStream { get; init; } = new Dictionary<int, long>();

    /// <summary>The first packet's timestamp on the source's own clock; all other times here are measured from it.</summary>
    public TimeSpan Start { get; init; }

    /// <summary>
    /// Where the packets of the streams the job does not encode (subtitles, data, other audio tracks) end, when they end
    /// after the video and the kept audio: a container's duration that reaches there is theirs, not the picture's.
    /// </summary>
    public TimeSpan? OtherStreamsEnd { get; init; }

    /// <summary>
    /// The spacing of the video's faster frames (the 20th percentile of the intervals between frames in presentation
    /// order): the rate the source shows pictures at when it moves, whatever its average. Null below two frames.
    /// </summary>
    public TimeSpan? MovingFrameInterval { get; init; }

    /// <summary>The longest time one video frame stays on screen while the kept audio is silent or absent, and where.</summary>
    public (TimeSpan Length, TimeSpan At) LongestSilentStill { get; init; }

    /// <summary>
    /// Where the video's keyframes are (presentation times, in order, at least half a second apart): where a seek
    /// starts decoding. A window read from one decodes no frame before it (see <c>Quality/QualitySampling</c>).
    /// </summary>
    public IReadOnlyList<TimeSpan> Keyframes { get; init; } = [];
}
