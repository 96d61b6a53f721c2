using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>One stretch of the timeline whose frames are measured: from <paramref name="Start"/>, for <paramref name="Length"/>.</summary>
internal sealed record QualityWindow(TimeSpan Start, TimeSpan Length)
{
    /// <summary>
    /// Where to seek for the window's first frame at <paramref name="frameRate"/>: a quarter frame before it, so that a
    /// seek's rounding to milliseconds never skips that frame, in the source or in an output, and both start on the same one.
    /// </summary>
    public TimeSpan SeekPoint(Rational frameRate) =>
        Start == TimeSpan.Zero || frameRate.Value <= 0 ? Start : Start - TimeSpan.FromSeconds(0.25 / frameRate.Value);

    /// <summary>
    /// Where to seek in a rendition for the window's first frame: at it, to the microsecond below. A rendition's frames
    /// and keyframes lie on the planned frame grid, so the seek lands on that frame, and on its keyframe when the window
    /// starts a GOP. A quarter frame before it (<see cref="SeekPoint"/>) goes back to the keyframe before that one: every
    /// rendition decoded a whole GOP first, a third more CPU for such a window (bench/README.md, "Quality measurement").
    /// </summary>
    public TimeSpan RenditionSeekPoint => TimeSpan.FromTicks(Start.Ticks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond);
}
