namespace Transcoder.TranscodeJob.Probing;

/// <summary>A probed media file: what the planner and the encoder need to know.</summary>
/// <param name="Container">ffprobe's format name, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</param>
/// <param name="Duration">How long the media really is: for a source, from its packets (see <see cref="ContentDuration"/>);
/// zero when unknown.</param>
/// <param name="Video">The video stream the job encodes; null for an audio-only source (a podcast, a song).</param>
internal sealed record SourceMedia(
    string Container,
    TimeSpan Duration,
    long? BitRate,
    VideoStreamInfo? Video,
    IReadOnlyList<AudioStreamInfo> AudioStreams)
{
    /// <summary>
    /// The audio track that times a video source with its picture: the one marked default, else the first; null when
    /// there is no audio. Every track is encoded (see <c>Renditions/AudioTrackPlanner</c>).
    /// </summary>
    public AudioStreamInfo? MainAudio => AudioStreams.FirstOrDefault(a => a.IsDefault) ?? AudioStreams.FirstOrDefault();

    /// <summary>No video stream, only sound (cover art is not video).</summary>
    public bool IsAudioOnly => Video is null;

    /// <summary>The attached picture (cover art), if the source has one: an audio-only source's poster.</summary>
    public CoverArtInfo? CoverArt { get; init; }

    /// <summary>
    /// The streams whose packets time the source: the video and the main audio; for an audio-only source, every
    /// audio stream (there is no picture for a longer track to freeze).
    /// </summary>
    public IReadOnlySet<int> TimingStreams =>
        Video is { } video
            ? new HashSet<int>(MainAudio is { } main ? [video.Index, main.Index] : [video.Index])
            : AudioStreams.Select(a => a.Index).ToHashSet();

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
