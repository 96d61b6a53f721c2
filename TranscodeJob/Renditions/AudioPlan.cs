using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>
/// The one audio rendition every video rung shares (an HLS audio group, a DASH audio AdaptationSet): the kept
/// source track at the best bitrate any rung asked for. Encoded once, not once per rung.
/// </summary>
/// <param name="Normalisation">Set when the encode normalises the loudness (measured before it).</param>
internal sealed record AudioPlan(AudioStreamInfo Track, int Kbps, LoudnessNormalisation? Normalisation = null)
{
    public const string Name = "audio";
    public const string FileName = "audio.cmfa";

    /// <summary>The encode's loudness measurement beside the track (read into the manifest, never published).</summary>
    public const string LoudnessFileName = "audio.loudness.txt";

    /// <summary>Null when the plans keep no audio (a silent source).</summary>
    public static AudioPlan? For(IReadOnlyList<RenditionPlan> plans) =>
        plans.FirstOrDefault(p => p.Audio is not null) is { Audio: { } track }
            ? new AudioPlan(track, plans.Max(p => p.AudioKbps))
            : null;
}
