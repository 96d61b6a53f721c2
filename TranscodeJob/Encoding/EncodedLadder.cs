using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>Everything one encode of the ladder wrote into the workspace, checked.</summary>
/// <param name="Renditions">One CMAF video track per plan, best first.</param>
/// <param name="AudioPath">The CMAF audio track, or null for a silent source.</param>
internal sealed record EncodedLadder(
    IReadOnlyList<EncodedRendition> Renditions,
    string? AudioPath)
{
    /// <summary>The audio track's loudness as the encode measured it; null for a silent source.</summary>
    public ManifestLoudness? AudioLoudness { get; init; }
}
