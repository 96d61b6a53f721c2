using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>One rendition's track of one chunk, in its place on the whole timeline, with its index.</summary>
/// <param name="Name">The rendition's name.</param>
internal sealed record PlacedTrack(string Name, string Path, FragmentedMp4 Index);
