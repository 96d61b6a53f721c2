using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// The stage after the encode that measures what every rendition delivered (see <see cref="ManifestQuality"/>): for
/// each window of <see cref="QualitySampling"/>, one ffmpeg decodes the source's window once and compares it with the
/// same window of every rendition; or, when the encode kept the windows' pictures (<see cref="KeptReference"/>), one
/// ffmpeg reads up to <see cref="WindowsPerRun"/> windows of them and compares them with the same windows of every
/// rendition. A measurement that cannot run never fails a job whose renditions are good: its renditions go without
/// figures, and the log says why.
/// </summary>
/// <param name="windowsPerRun">The most windows of the kept pictures one ffmpeg compares (<see cref="WindowsPerRun"/>).</param>
internal sealed class QualityMeasurer(IFfmpegRunner runner, ILogger logger, int windowsPerRun = QualityMeasurer.WindowsPerRun)
{
    /// <summary>
    /// The most windows of the kept pictures one ffmpeg compares: each costs an input of every rendition, open for the
    /// whole run, so a long source's sixty windows are fifteen runs rather than one of 360 inputs; the three of a source
    /// under 35 s are one. Starting ffmpeg, opening the inputs and building the scalers and metrics cost about as much as
    /// comparing a window's frames: on 10 s of 1080p the three windows took 2.2 CPU s in one run, 2.55–2.94 in three
    /// (bench/README.md, "Quality measurement").
    /// </summary>
    public const int WindowsPerRun = 4;

    /// <summary>
    /// Each rendition's figures by name; empty when <paramref name="measure"/> is false, the measurement failed, or
    /// the source is audio only (no picture to measure).
    /// </summary>
    /// <param name="top">The size to compare at: the largest rung planned (<c>PlannedLadder.Reference</c>).</param>
    /// <param name="kept">The windows' pictures the encode kept (read instead of the source, in its windows), or null.</param>
    public async Task<IReadOnlyDictionary<string, ManifestQuality>> MeasureAsync(
        bool measure, SourceInput input, SourceMedia media, EncodedLadder encoded, RenditionPlan? top, double gopSeconds, JobWorkspace workspace, CancellationToken cancellationToken,
        KeptReference? kept = null)
    {
        var measured = new Dictionary<string, ManifestQuality>(StringComparer.Ordinal);
        if (!measure || encoded.Renditions.Count == 0 || media.Video is not { } video || top is null)
        {
            return measured;
        }

        // Every rung shares the plan's rate today; grouping keeps "at the rendition's frame rate" true if that changes.
        foreach (var group in encoded.Renditions.GroupBy(r => r.Plan.FrameRate))
        {
            var renditions = group.ToList();
            var reference = top with { FrameRate = group.Key };
            var reading = kept is not null && kept.Reference.FrameRate == group.Key ? kept : null;
            var windows = reading?.Windows ?? QualitySampling.For(media.Duration, group.Key, gopSeconds, media.Packets?.Keyframes);
            var scores = renditions.Select(_ => new QualityScores()).ToList();
            // The kept pictures are read for several windows in one run; a source decoded again, one window a run.
            var runs = windows.Chunk(reading is null ? 1 : windowsPerRun).ToList();
            foreach (var (run, number) in runs.Select((r, i) => (r, i)))
            {
                var tracks = TracksOf(renditions, number, workspace);
                var arguments = reading is null
                    ? FfmpegArguments.ForQualityWindow(input, video.Index, reference, run[0], tracks)
                    : FfmpegArguments.ForQualityWindows(reading, run, tracks);
                var result = await runner.RunAsync(FfmpegTool.Ffmpeg, arguments, null, cancellationToken);
                if (!result.Succeeded)
                {
                    logger.LogWarning(
                        "Quality not measured ({Renditions}): ffmpeg failed on the window(s) from {Start:0.###} s: {Reason}",
                        string.Join(", ", renditions.Select(r => r.Plan.Name)), run[0].Start.TotalSeconds, result.Describe());
                    return new Dictionary<string, ManifestQuality>(StringComparer.Ordinal);
                }

                await AddScoresAsync(tracks, scores, cancellationToken);
            }

            for (var i = 0; i < renditions.Count; i++)
            {
                if (scores[i].SsimFrames == 0 || scores[i].PsnrFrames == 0)
                {
                    logger.LogWarning("Quality not measured for {Rendition}: no frame was compared", renditions[i].Plan.Name);
                    continue;
                }

                measured[renditions[i].Plan.Name] = Describe(scores[i], reference.Width, reference.Height, windows);
                logger.LogInformation(
                    "Quality of {Rendition}: SSIM {Ssim:0.0000} ({SsimDb:0.00} dB), PSNR {Psnr:0.00} dB over {Frames} frames in {Windows} window(s)",
                    renditions[i].Plan.Name, scores[i].Ssim, scores[i].SsimDecibels, scores[i].Psnr, scores[i].SsimFrames, windows.Count);
            }
        }

        return measured;
    }

    /// <summary>Each rendition's track and where one run's figures for it go.</summary>
    private static List<FfmpegArguments.MeasuredTrack> TracksOf(IEnumerable<EncodedRendition> renditions, int run, JobWorkspace workspace) =>
        [.. renditions.Select(r => new FfmpegArguments.MeasuredTrack(
            r.Path,
            workspace.PathFor($"quality-{r.Plan.Name}-{run}.ssim.log"),
            workspace.PathFor($"quality-{r.Plan.Name}-{run}.psnr.log")))];

    /// <summary>One run's per-frame figures added to each rendition's, the stats files deleted.</summary>
    private static async Task AddScoresAsync(List<FfmpegArguments.MeasuredTrack> tracks, List<QualityScores> scores, CancellationToken cancellationToken)
    {
        for (var i = 0; i < tracks.Count; i++)
        {
            QualityStatsFile.ReadSsim(await QualityStatsFile.ReadAndDeleteAsync(tracks[i].SsimStatsPath, cancellationToken), scores[i]);
            QualityStatsFile.ReadPsnr(await QualityStatsFile.ReadAndDeleteAsync(tracks[i].PsnrStatsPath, cancellationToken), scores[i]);
        }
    }

    private static ManifestQuality Describe(QualityScores scores, int width, int height, IReadOnlyList<QualityWindow> windows) => new(
        Math.Round(scores.Ssim, 6),
        Math.Round(scores.SsimDecibels, 3),
        Math.Round(scores.Psnr, 3),
        width,
        height,
        scores.SsimFrames,
        Math.Round(windows.Sum(w => w.Length.TotalSeconds), 3),
        [.. windows.Select(w => new ManifestQualityWindow(Math.Round(w.Start.TotalSeconds, 3), Math.Round(w.Length.TotalSeconds, 3)))]);
}
