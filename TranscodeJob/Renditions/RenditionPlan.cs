using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>One video output to encode: exact displayed size, frame rate, bitrate caps.</summary>
/// <param name="AudioKbps">The audio bitrate the ladder's rung asks for: the audio renditions take the highest.</param>
/// <param name="ToneMap">Whether the source is HDR and needs tone mapping to SDR BT.709.</param>
internal sealed record RenditionPlan(
    string Name,
    int Width,
    int Height,
    Rational FrameRate,
    int VideoKbps,
    int AudioKbps,
    bool ToneMap,
    bool Deinterlace)
{
    /// <summary>The progressive-download MP4 (video + audio, faststart).</summary>
    public string FileName => $"{Name}.mp4";

    /// <summary>The source's real duration: every output lasts this long (zero: as long as ffmpeg reads).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>How long the source shows its last frame (see <see cref="SourceMedia.LastFrameHold"/>).</summary>
    public TimeSpan LastFrameHold { get; init; }

    /// <summary>The CMAF video track the playlists point into.</summary>
    public string TrackFileName => $"{Name}.cmfv";
}
