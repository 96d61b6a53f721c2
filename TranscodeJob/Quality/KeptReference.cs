using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// The source's pictures in the quality measurement's windows, kept raw by the ladder encode (<see cref="RawReference"/>)
/// at <paramref name="Reference"/>'s size, each at its frame's time on the renditions' timeline.
/// </summary>
/// <param name="Path">The NUT file in the workspace.</param>
/// <param name="Reference">The size and rate compared at: the largest rung planned, at the renditions' rate.</param>
/// <param name="Windows">The measurement's windows (<see cref="QualitySampling"/>), which the file holds and no other frame.</param>
internal sealed record KeptReference(string Path, RenditionPlan Reference, IReadOnlyList<QualityWindow> Windows)
{
    /// <summary>
    /// The frames the file holds, by their number in the encode's output: each window's, with one more at either end, so
    /// that a window's first and last compared frames are in it however its start rounds; and the first frame, so that
    /// the file's timeline starts at 0 as the renditions' do (ffmpeg seeks from a file's start time: a file starting at
    /// its first window's 2 s was read from 4 s, its second window).
    /// </summary>
    public IReadOnlyList<(long First, long Last)> FrameRanges =>
    [
        (0, 0),
        .. Windows.Select(w => (
            Math.Max(0, (long)Math.Floor(w.Start.TotalSeconds * Reference.FrameRate.Value) - 1),
            (long)Math.Ceiling((w.Start + w.Length).TotalSeconds * Reference.FrameRate.Value) + 1)),
    ];

    /// <summary>The frames <see cref="FrameRanges"/> hold.</summary>
    public long Frames => FrameRanges.Sum(r => r.Last - r.First + 1);
}
