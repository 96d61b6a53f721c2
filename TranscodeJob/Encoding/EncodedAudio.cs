using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>One audio rendition's CMAF track on disk, checked, with its loudness as the encode measured it.</summary>
/// <param name="Loudness">Null when nothing was measured (no frame reached the measurement).</param>
internal sealed record EncodedAudio(AudioPlan Plan, string Path, long Size, ManifestLoudness? Loudness);
