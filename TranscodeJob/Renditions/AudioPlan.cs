using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// One audio rendition: a source track as AAC-LC stereo (mono for a mono source) at the best bitrate any rung asked
/// for. Every video rung shares it (an HLS audio group, a DASH audio AdaptationSet); encoded once, not once per rung.
/// </summary>
/// <param name="Normalisation">Set when the encode normalises the loudness (measured before it).</param>
internal sealed record AudioPlan(AudioStreamInfo Track, int Kbps, LoudnessNormalisation? Normalisation = null)
{
    /// <summary>The name of a source's only audio rendition (<c>audio.cmfa</c>, <c>audio.m3u8</c>).</summary>
    public const string SingleName = "audio";

    /// <summary>Names its files: <see cref="SingleName"/>, or <c>audio-en-1</c> when there are several tracks.</summary>
    public string Name { get; init; } = SingleName;

    /// <summary>What the playlists and the manifest say about it.</summary>
    public AudioFacts Facts { get; init; } = new(null, "Audio", AudioRole.Main, IsDefault: true, Math.Min(Track.Channels, 2));

    /// <summary>The source's real duration: the track is cut there (zero: as long as ffmpeg reads).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The CMAF audio track.</summary>
    public string FileName => Name + ".cmfa";

    /// <summary>The encode's loudness measurement beside the track (read into the manifest, never published).</summary>
    public string LoudnessFileName => Name + ".loudness.txt";
}
