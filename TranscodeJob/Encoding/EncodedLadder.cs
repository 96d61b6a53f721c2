namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Everything one encode of the ladder wrote into the workspace, checked.</summary>
/// <param name="Renditions">One CMAF video track per plan, best first; none for an audio-only source.</param>
/// <param name="Audio">One CMAF audio track per audio rendition, in their order; none for a silent source.</param>
internal sealed record EncodedLadder(
    IReadOnlyList<EncodedRendition> Renditions,
    IReadOnlyList<EncodedAudio> Audio)
{
    /// <summary>The default audio track, which the progressive files carry; null for a silent source.</summary>
    public EncodedAudio? DefaultAudio => Audio.FirstOrDefault(a => a.Plan.Facts.IsDefault);
}
