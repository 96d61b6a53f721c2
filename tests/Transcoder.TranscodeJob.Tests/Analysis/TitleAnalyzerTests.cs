using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Analysis;

/// <summary>The analysis's two ffmpeg runs with real ffmpeg: the scoring against the reference the trials kept, or the source again.</summary>
[Category("Integration")]
public sealed class TitleAnalyzerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FfmpegRunner _runner = new(FfmpegPaths.Default, TimeSpan.FromSeconds(5));

    public void Dispose() => _temp.Dispose();

    private async Task<(TitleAnalysis Analysis, RecordingRunner Runs, JobWorkspace Workspace)> AnalyseAsync(string clip, long keptReferenceBytes, CancellationToken cancellationToken)
    {
        var (probed, plan) = await LocalJob.PlanAsync(_runner, clip, cancellationToken);
        var crfs = plan.Plans.Select((rung, i) => LadderChooser.TrialCrfs(rung, plan.Encoder, top: i == 0)).ToList();
        var runs = new RecordingRunner(_runner);
        var name = $"analysis-{keptReferenceBytes}";
        var workspace = JobWorkspace.Create(_temp.Combine(name), name);
        var analysis = await new TitleAnalyzer(runs, NullLogger.Instance, keptReferenceBytes).AnalyzeAsync(probed.Input, probed.Media, plan.Plans, plan.Encoder, crfs, workspace, cancellationToken);
        return (analysis!, runs, workspace);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task AnalyzeAsync_KeptReference_ScoresEveryTrialAsTheSourceDecodedAgainDoes(CancellationToken cancellationToken)
    {
        // Arrange: a moving picture whose keyframes lie between the planned frames (the case that once misaligned them).
        var clip = await Clips.KeyframesOffTheGrid();

        // Act: the default, and a budget that no reference fits.
        var (kept, keptRuns, keptWorkspace) = await AnalyseAsync(clip, RawReference.MaxBytes, cancellationToken);
        var (again, againRuns, againWorkspace) = await AnalyseAsync(clip, 0, cancellationToken);

        // Assert: the same pictures compared, so the same scores; the kept reference read instead of the source, then gone.
        var keptScoring = string.Join(' ', keptRuns.Runs[^1].Arguments);
        var againScoring = string.Join(' ', againRuns.Runs[^1].Arguments);
        Assert.That(keptScoring, Does.Contain("trial-reference.nut").And.Not.Contain(clip));
        Assert.That(againScoring, Does.Contain(clip).And.Not.Contain("trial-reference.nut"));
        Assert.That(string.Join(' ', keptRuns.Runs[^2].Arguments), Does.Contain("-c:v rawvideo -fps_mode passthrough"));
        var keptPoints = kept.Rungs.SelectMany(r => r.Points).ToList();
        var againPoints = again.Rungs.SelectMany(r => r.Points).ToList();
        Assert.That(keptPoints, Has.Count.EqualTo(againPoints.Count).And.Count.GreaterThanOrEqualTo(5));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < keptPoints.Count; i++)
            {
                Assert.That(keptPoints[i].SsimDb, Is.EqualTo(againPoints[i].SsimDb).Within(0.01), $"trial {i}");
            }
        });
        Assert.That(Directory.GetFiles(keptWorkspace.Root), Is.Empty, "no trial or reference left behind");
        Assert.That(Directory.GetFiles(againWorkspace.Root), Is.Empty);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task AnalyzeAsync_PictureEndsBeforeTheSound_TriesTheWindowsWhereThePictureIs(CancellationToken cancellationToken)
    {
        // Arrange: 2 s of picture under 12 s of sound (its last frame held for 10 s).
        var clip = await Clips.PictureEndsFirst();

        // Act
        var (analysis, _, _) = await AnalyseAsync(clip, RawReference.MaxBytes, cancellationToken);

        // Assert: analysed (windows over the whole 12 s found no frame after 2 s, and the analysis failed).
        Assert.That(analysis, Is.Not.Null);
        Assert.That(analysis.Windows.Select(w => (w.Start + w.Length).TotalSeconds), Has.All.LessThanOrEqualTo(2.04 + 1e-6));
        Assert.That(analysis.Rungs.SelectMany(r => r.Points), Is.Not.Empty);
    }
}
