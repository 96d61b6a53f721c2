using Transcoder.Shared.Jobs;
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
    /// <summary>What the AV1 twin of a rung adds to its name: <c>720p-av1</c>, <c>720p-av1.cmfv</c>.</summary>
    public const string Av1Suffix = "-av1";

    /// <summary>The progressive-download MP4 (video + audio, faststart); made of the H.264 renditions only.</summary>
    public string FileName => $"{Name}.mp4";

    /// <summary>The video codec: H.264, or AV1 for a rung's AV1 twin (named with <see cref="Av1Suffix"/>).</summary>
    public VideoCodecs Codec { get; init; } = VideoCodecs.H264;

    /// <summary>The ladder rung this rendition encodes: its own name, or for an AV1 twin its H.264 rung's.</summary>
    public string RungName => Codec == VideoCodecs.Av1 ? Name[..^Av1Suffix.Length] : Name;

    /// <summary>The source's real duration: every output lasts this long (zero: as long as ffmpeg reads).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>How long the source shows its last frame (see <see cref="SourceMedia.LastFrameHold"/>).</summary>
    public TimeSpan LastFrameHold { get; init; }

    /// <summary>
    /// The rung's own constant rate factor, chosen by the per-title analysis; null: the ladder's
    /// (<see cref="EncoderSettings.Crf"/>).
    /// </summary>
    public int? Crf { get; init; }

    /// <summary>Per-title: the rung's quality allowance (<see cref="Rendition.MaxLossDb"/>); null for its place's default.</summary>
    public double? MaxLossDb { get; init; }

    /// <summary>The VBV buffer, kilobits: two seconds at the cap, so that a GOP may peak above it.</summary>
    public int BufferKbits => VideoKbps * 2;

    /// <summary>The CMAF video track the playlists point into.</summary>
    public string TrackFileName => $"{Name}.cmfv";
}
