using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Makes the storyboard from a finished rendition rather than from the source: the smallest one that is at least as
/// large as a tile, so decoding it again is cheap (a 360p track decodes at thousands of frames a second), and it is
/// already deinterlaced, tone-mapped and on the timeline players show. A derived output never fails a job whose
/// renditions are good: a clip too short for one interval still gets its first frame as the one thumbnail.
/// </summary>
internal sealed class StoryboardMaker(IFfmpegRunner runner, ILogger logger)
{
    public async Task<MadeStoryboard> MakeAsync(
        IReadOnlyList<EncodedRendition> renditions, TimeSpan duration, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var top = renditions[0];
        var planned = StoryboardPlan.For(duration, top.Width, top.Height);
        var track = renditions[planned.SourceOf([.. renditions.Select(r => (r.Width, r.Height))])];
        var thumbnails = workspace.PathFor(StoryboardPlan.ThumbnailPattern);
        try
        {
            var count = await RunAsync(FfmpegArguments.ForThumbnails(track.Path, planned, thumbnails), "thumbnails", workspace, cancellationToken);
            foreach (var fallback in new[] { track, top }.Distinct())
            {
                if (count > 0)
                {
                    break;
                }

                count = await RunAsync(FfmpegArguments.ForFirstThumbnail(fallback.Path, planned, thumbnails), "the first frame's thumbnail", workspace, cancellationToken);
            }

            if (count == 0)
            {
                // The renditions were probed and decoded fine a moment ago: this is the job's own fault.
                throw new InvalidOperationException($"no thumbnail could be made from {Path.GetFileName(track.Path)} or {Path.GetFileName(top.Path)}");
            }

            var plan = planned.WithCount(count);
            await RunAsync(FfmpegArguments.ForSheets(thumbnails, plan, workspace.PathFor(StoryboardPlan.SheetPattern)), "the sheets", workspace, cancellationToken);
            var sheets = Enumerable.Range(0, plan.Sheets).Select(i => workspace.PathFor(StoryboardPlan.SheetFileName(i))).ToList();
            if (sheets.FirstOrDefault(s => !File.Exists(s)) is { } missing)
            {
                throw new InvalidOperationException($"ffmpeg tiled {count} thumbnails but wrote no {Path.GetFileName(missing)}");
            }

            return new MadeStoryboard(plan, sheets);
        }
        finally
        {
            foreach (var thumbnail in Directory.EnumerateFiles(workspace.Root, "thumbnail-*.png"))
            {
                File.Delete(thumbnail);
            }
        }
    }

    /// <summary>Runs one step and counts the thumbnails it leaves; a failed step is logged and counts what it wrote.</summary>
    private async Task<int> RunAsync(IReadOnlyList<string> arguments, string what, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, arguments, null, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "ffmpeg could not make the storyboard's {What} (exit {ExitCode}): {Error}",
                what, result.ExitCode, FfmpegErrors.Cause(FfmpegErrors.ErrorLines(result.StderrTail)));
        }

        return Enumerable.Range(0, int.MaxValue).TakeWhile(i => File.Exists(workspace.PathFor(StoryboardPlan.ThumbnailFileName(i)))).Count();
    }
}
