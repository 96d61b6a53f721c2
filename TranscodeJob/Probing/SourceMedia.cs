namespace Transcoder.TranscodeJob.Probing;

/// <summary>A probed media file: what the planner and the encoder need to know.</summary>
/// <param name="Container">ffprobe's format name, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</param>
/// <param name="Duration">How long the media really is: for a source, from its packets (see <see cref="ContentDuration"/>);
/// zero when unknown.</param>
internal sealed record SourceMedia(
    string Container,
    TimeSpan Duration,
    long? BitRate,
    VideoStreamInfo Video,
    IReadOnlyList<AudioStreamInfo> AudioStreams)
{
    /// <summary>The track outputs keep: the one marked default, else the first; null when there is no audio.</summary>
    public AudioStreamInfo? MainAudio => AudioStreams.FirstOrDefault(a => a.IsDefault) ?? AudioStreams.FirstOrDefault();

    /// <summary>The subtitle streams (none for a job output): delivered as WebVTT when they are text.</summary>
    public IReadOnlyList<SubtitleStreamInfo> SubtitleStreams { get; init; } = [];

    /// <summary>What the header says, or null when it says nothing plausible; kept apart from <see cref="Duration"/>.</summary>
    public TimeSpan? DeclaredDuration { get; init; }

    /// <summary>
    /// The longest duration the headers of the video and the kept audio stream declare for themselves, or null: unlike
    /// the container's, it does not reach as far as a subtitle cue that outlasts the picture.
    /// </summary>
    public TimeSpan? KeptStreamsDeclaredDuration { get; init; }

    /// <summary>
    /// Where the container's timeline starts, on the source's clock (ffmpeg's output zero): the earliest first
    /// timestamp of any stream, subtitles and data included; null when unknown.
    /// </summary>
    public TimeSpan? ContainerStart { get; init; }

    /// <summary>
    /// How long after the container's start the first picture or sound comes: a data or subtitle stream that starts
    /// earlier would otherwise put that stretch, as a frozen first frame, at the head of every rendition.
    /// </summary>
    public TimeSpan LeadIn => Packets is { } packets && ContainerStart is { } start && packets.Start > start ? packets.Start - start : TimeSpan.Zero;

    /// <summary>What a demux of every packet showed (null for a job output, which is probed from its header only).</summary>
    public PacketScan? Packets { get; init; }

    /// <summary>
    /// How long the last video frame is shown after it starts (a screen recording's still tail): the encoders hold it
    /// that long, since a constant-rate conversion would otherwise drop it.
    /// </summary>
    public TimeSpan LastFrameHold { get; init; }
}
