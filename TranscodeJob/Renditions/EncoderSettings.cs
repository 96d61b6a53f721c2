using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Renditions;

/// <summary>Encoder settings shared by every rendition of a ladder: x264's, and SVT-AV1's for the AV1 renditions.</summary>
/// <param name="Preset">
/// x264 preset. <c>veryfast</c> by default: on Fargate, CPU time is the bill, and capped CRF at veryfast gives
/// most of the quality of <c>medium</c> at about a third of the CPU.
/// </param>
/// <param name="Crf">Constant rate factor under the bitrate cap (capped CRF): easy scenes cost less than the cap.</param>
/// <param name="GopSeconds">Keyframe interval; keyframes are forced on the same timestamps in every rendition.</param>
/// <param name="Loudness">The loudness the audio is normalised to; null leaves it as the source has it.</param>
internal sealed record EncoderSettings(string Preset = "veryfast", int Crf = 23, double GopSeconds = 2, LoudnessTarget? Loudness = null)
{
    /// <summary>The AV1 renditions' encoder (when the ladder makes any).</summary>
    public Av1Settings Av1 { get; init; } = new();

    /// <summary>The ladder's rate factor for a rendition of <paramref name="codec"/>: x264's or SVT-AV1's.</summary>
    public int CrfFor(VideoCodecs codec) => codec == VideoCodecs.Av1 ? Av1.Crf : Crf;
}
