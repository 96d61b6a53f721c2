using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// The source's pictures as a viewer of the reference size sees them, kept raw (8-bit 4:2:0 <c>rawvideo</c> in NUT) by
/// the ffmpeg that already decoded them, for a later one that compares against them: the trial encodes keep theirs for
/// their scoring (<c>Analysis/TitleAnalyzer</c>), the ladder encode keeps the quality windows' for the measurement
/// (<see cref="KeptReference"/>). The second run then neither decodes the source again (with its pre-roll from the
/// keyframe before each window) nor puts it through the head filters and the scale. Raw costs disk, not CPU: kept only
/// when it fits <see cref="MaxBytes"/> with room to spare on the disk, else the second run decodes the source again.
/// </summary>
internal static class RawReference
{
    /// <summary>
    /// 1 GiB: 345 pictures of 1080p, the analysis's windows of about ten minutes of source at 30 fps, the measurement's
    /// of about three.
    /// </summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The bytes of <paramref name="frames"/> raw pictures of <paramref name="reference"/>'s size.</summary>
    public static long BytesFor(RenditionPlan reference, long frames) => frames * reference.Width * reference.Height * 3 / 2;

    /// <summary>Whether <paramref name="bytes"/> may be kept: within <paramref name="maxBytes"/>, and half the disk's free space.</summary>
    public static bool Fits(long bytes, JobWorkspace workspace, long maxBytes = MaxBytes) => bytes <= maxBytes && bytes * 2 <= workspace.FreeBytes;
}
