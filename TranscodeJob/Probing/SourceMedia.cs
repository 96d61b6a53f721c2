namespace Transcoder.TranscodeJob.Probing;

/// <summary>A probed media file: what the planner and the encoder need to know.</summary>
/// <param name="Container">ffprobe's format name, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>.</param>
public sealed record SourceMedia(
    string Container,
    TimeSpan Duration,
    long? BitRate,
    VideoStreamInfo Video,
    IReadOnlyList<AudioStreamInfo> AudioStreams)
{
    /// <summary>The track outputs keep: the one marked default, else the first; null when there is no audio.</summary>
    public AudioStreamInfo? MainAudio => AudioStreams.FirstOrDefault(a => a.IsDefault) ?? AudioStreams.FirstOrDefault();
}
