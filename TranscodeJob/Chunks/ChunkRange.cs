using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// One chunk of a long source: the frames <see cref="FirstFrame"/> up to (not including) <see cref="EndFrame"/> of the
/// whole output at the planned rate. Every chunk but the first starts on a keyframe of the grid, so its fragments are
/// the whole encode's from that keyframe on.
/// </summary>
/// <param name="Index">Which chunk, from 0.</param>
internal sealed record ChunkRange(int Index, long FirstFrame, long EndFrame)
{
    public long Frames => EndFrame - FirstFrame;

    /// <summary>Whether <paramref name="frame"/> of the whole output is one of this chunk's.</summary>
    public bool Holds(long frame) => frame >= FirstFrame && frame < EndFrame;

    /// <summary>Where its encode seeks the source: its first frame's time on the output's <paramref name="grid"/>; nowhere for the first chunk.</summary>
    public TimeSpan? SeekIn(KeyframeGrid grid) => FirstFrame > 0 ? grid.TimeOf(FirstFrame) : null;
}
