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

    /// <summary>What the header says, or null when it says nothing plausible; kept apart from <see cref="Duration"/>.</summary>
    public TimeSpan? DeclaredDuration { get; init; }

    /// <summary>
    /// How long the last video frame is shown after it starts (a screen recording's still tail): the encoders hold it
    /// that long, since a constant-rate conversion would otherwise drop it.
    /// </summary>
    public TimeSpan LastFrameHold { get; init; }
}
