using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>One track a part of the job made, in the work area: the rendition's (or <c>audio</c>), its object and index.</summary>
/// <param name="Name">The rendition's name, or <c>audio</c>.</param>
/// <param name="Key">Its object's name in the work area.</param>
internal sealed record PieceTrack(string Name, string Key, long Size, FragmentedMp4 Index);
