using Transcoder.Shared.Captions;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>A caption file uploaded beside the source and named for it.</summary>
/// <param name="Name">The file's own name, without its folder (<c>clip.fr.srt</c>).</param>
/// <param name="Content">The whole file; null when it is larger than a caption file may be (then it was not read).</param>
internal sealed record CaptionFile(string Name, CaptionFileName Caption, long Size, byte[]? Content);
