using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Cuts a long source's timeline into chunks of about equal length on the keyframe grid: the longest chunk sets how
/// long the whole encode takes, so no chunk is left much longer than the others.
/// </summary>
internal static class ChunkPlanner
{
    /// <summary>
    /// The chunks of the planned ladder's output (its H.264 rungs first, the AV1 twins after them, all on one grid);
    /// empty when the source is not to be cut. An audio-only source has no picture to cut: its audio encode is all the
    /// work.
    /// </summary>
    public static IReadOnlyList<ChunkRange> Plan(IReadOnlyList<RenditionPlan> plans, EncoderSettings encoder, TimeSpan duration, SplitSettings settings)
    {
        if (plans.Count == 0)
        {
            return [];
        }

        var top = plans[0];
        if (top.Duration <= TimeSpan.Zero)
        {
            return [];
        }

        var grid = new KeyframeGrid(top.FrameRate, encoder.GopSeconds);
        // The frames the whole encode keeps: those before its -t cut, as ffmpeg rounds it.
        var cut = decimal.Parse(FfmpegArguments.DurationText(top.Duration), System.Globalization.CultureInfo.InvariantCulture);
        return Plan(duration, grid.FramesBefore((long)(cut * 1000)), grid, settings);
    }

    /// <summary>The chunks of an output of <paramref name="frames"/> frames; empty when the source is not to be cut.</summary>
    /// <param name="duration">The source's length (what <see cref="SplitSettings.AboveSeconds"/> is compared with).</param>
    public static IReadOnlyList<ChunkRange> Plan(TimeSpan duration, long frames, KeyframeGrid grid, SplitSettings settings)
    {
        if (duration.TotalSeconds <= settings.AboveSeconds || frames <= 0)
        {
            return [];
        }

        // Marks are the keyframes inside the output: the last starts before its last frame.
        var marks = 1L;
        while (grid.FrameOfMark(marks) < frames)
        {
            marks++;
        }

        var count = (int)Math.Min(Math.Min(settings.MaxChunks, (long)(duration.TotalSeconds / settings.ChunkSeconds)), marks);
        if (count < 2)
        {
            return [];
        }

        var starts = Enumerable.Range(0, count).Select(k => grid.FrameOfMark((long)Math.Round((double)k * marks / count))).Append(frames).ToList();
        return [.. Enumerable.Range(0, count).Select(k => new ChunkRange(k, starts[k], starts[k + 1]))];
    }
}
