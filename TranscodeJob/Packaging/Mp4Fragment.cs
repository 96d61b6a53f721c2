namespace Transcoder.TranscodeJob.Packaging;

/// <summary>One fragment of a fragmented MP4: its <c>moof</c> and the <c>mdat</c>(s) after it, as a byte range.</summary>
/// <param name="Start">Decode time of its first sample, in the track's timescale (<c>tfdt</c>).</param>
/// <param name="Duration">Sum of its samples' durations, in the track's timescale.</param>
/// <param name="KeyframeLength">Bytes from <paramref name="Offset"/> to the end of its first sample, the keyframe
/// every fragment starts with: the <c>moof</c>, the <c>mdat</c> header and that one sample (the I-frame playlist's
/// byte range).</param>
internal sealed record Mp4Fragment(long Offset, long Length, long Start, long Duration, long KeyframeLength);
