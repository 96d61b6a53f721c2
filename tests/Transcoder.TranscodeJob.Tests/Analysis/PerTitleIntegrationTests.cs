using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Analysis;

/// <summary>The per-title ladder and the fixed one, end to end with real ffmpeg on the two ends of the content range.</summary>
[Category("Integration")]
public sealed class PerTitleIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Ladder In(LadderMode mode) => LocalJob.SmallLadder with { Mode = mode };

    private async Task<(JobManifest Manifest, RecordingRunner Runner)> TranscodeAsync(string clip, LadderMode mode, CancellationToken cancellationToken, Ladder? ladder = null)
    {
        RecordingRunner? recording = null;
        var pipeline = LocalJob.Create(clip, _temp, ladder is null ? In(mode) : ladder with { Mode = mode }, runner: inner => recording = new RecordingRunner(inner));
        var outcome = await pipeline.RunAsync(cancellationToken);
        return (outcome.Manifest, recording!);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerTitleStaticSource_LargerRungsDroppedForTheSmallestWithTheReason(CancellationToken cancellationToken)
    {
        // Act: flat grey looks the same at every size.
        var (manifest, _) = await TranscodeAsync(await Clips.Static(), LadderMode.PerTitle, cancellationToken);

        // Assert
        var ladder = manifest.Ladder!;
        Assert.That(manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "96p" }));
        Assert.That(ladder.Mode, Is.EqualTo("per-title"));
        Assert.That(ladder.Dropped.Select(d => (d.Name, d.Kept)), Is.EqualTo(new[] { ("180p", "96p"), ("144p", "96p") }));
        Assert.That(ladder.Dropped.Select(d => d.Reason), Has.All.StartWith("within 0.25 dB SSIM and PSNR of 96p"));
        Assert.That(ladder.Analysis!.Rungs.Select(r => r.Name), Is.EqualTo(new[] { "180p", "144p", "96p" }), "every planned rung tried");
        Assert.That(File.Exists(_temp.Combine("out", "180p.cmfv")), Is.False);
        Assert.That(manifest.Renditions[0].Quality!.ReferenceWidth, Is.EqualTo(320), "measured at the planned top's size");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerTitleNoisySource_EveryRungKeptEachWithItsRateControl(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, runner) = await TranscodeAsync(await Clips.Noisy(), LadderMode.PerTitle, cancellationToken);

        // Assert: each rung clearly better than the next; each encoded at the factor the manifest names.
        Assert.That(manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "180p", "144p", "96p" }));
        Assert.That(manifest.Ladder!.Dropped, Is.Empty);
        var encode = string.Join(' ', WholeSourceReads(runner).Single());
        foreach (var rendition in manifest.Renditions)
        {
            var control = rendition.RateControl!;
            Assert.That(control.Crf, Is.InRange(23, 35), rendition.Name);
            Assert.That((control.TargetSsimDb, control.PredictedSsimDb, control.PredictedBitrate), Has.No.Null, rendition.Name);
            Assert.That(control.PredictedSsimDb, Is.GreaterThanOrEqualTo(control.TargetSsimDb! - 1e-3), rendition.Name);
            Assert.That(encode, Does.Contain($"-crf {control.Crf} -maxrate {rendition.MaxVideoKbps}k"), rendition.Name);
        }

        Assert.That(manifest.Renditions[0].RateControl!.Crf, Is.EqualTo(23), "the best picture keeps the ladder's factor");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerTitleKeyframesOffTheFrameGrid_TrialsPredictTheQualityMeasured(CancellationToken cancellationToken)
    {
        // Act: the analysis's windows start just after keyframes that lie between the planned frames.
        var (manifest, _) = await TranscodeAsync(await Clips.KeyframesOffTheGrid(), LadderMode.PerTitle, cancellationToken);

        // Assert: the trials compared frame for frame with their own source frames, not their neighbours (5 dB low).
        var top = manifest.Renditions[0];
        Assert.That(top.Name, Is.EqualTo("180p"), "a moving picture keeps its top rung");
        Assert.That(top.RateControl!.PredictedSsimDb, Is.EqualTo(top.Quality!.SsimDb).Within(1.0));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Fixed_EveryRungAtTheLaddersFactorWithoutAnalysis(CancellationToken cancellationToken)
    {
        // Act: the static source, whose rungs per-title drops.
        var (manifest, runner) = await TranscodeAsync(await Clips.Static(), LadderMode.Fixed, cancellationToken);

        // Assert
        Assert.That(manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "180p", "144p", "96p" }));
        Assert.That(manifest.Renditions.Select(r => r.RateControl), Has.All.Matches<ManifestRateControl?>(c => c != null && c.Crf == 23 && c.TargetSsimDb == null));
        Assert.That((manifest.Ladder!.Mode, manifest.Ladder.Dropped.Count, manifest.Ladder.Analysis), Is.EqualTo(("fixed", 0, (ManifestAnalysis?)null)));
        Assert.That(runner.Runs.Select(r => string.Join(' ', r.Arguments)), Has.None.Contains("filter_units"), "no trial encode");
    }

    [TestCase("per-title")]
    [TestCase("fixed")]
    [CancelAfter(90_000)]
    public async Task RunAsync_EitherMode_OneFfmpegDecodesTheWholeSourceForEveryRung(string mode, CancellationToken cancellationToken)
    {
        // Act
        var (manifest, runner) = await TranscodeAsync(await Clips.Noisy(), LadderModes.ByName[mode], cancellationToken);

        // Assert: the analysis reads windows only; the encode is the one whole read, and it makes every rendition.
        var whole = WholeSourceReads(runner);
        Assert.That(whole, Has.Count.EqualTo(1));
        Assert.That(whole[0].Count(a => a == "-i"), Is.EqualTo(1));
        Assert.That(whole[0].Where(a => a.EndsWith(".cmfv", StringComparison.Ordinal)).Select(Path.GetFileName),
            Is.EqualTo(manifest.Renditions.Select(r => r.Track)));
    }

    // The ffmpeg runs that read the source from its start to its end: no seek, no length before its -i.
    private static List<IReadOnlyList<string>> WholeSourceReads(RecordingRunner runner) =>
    [
        .. runner.Runs.Where(r => r.Tool == FfmpegTool.Ffmpeg).Select(r => r.Arguments).Where(arguments =>
        {
            var input = arguments.ToList().FindIndex(a => a == "-i");
            var options = arguments.Take(input).Reverse().TakeWhile(a => a != "-format_whitelist").ToList();
            return arguments.Contains("-format_whitelist") && !options.Contains("-ss") && !options.Contains("-t");
        }),
    ];

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerTitleWithAv1NoisySource_TheTwinTriedWithSvtAv1AndEncodedAtItsOwnFactor(CancellationToken cancellationToken)
    {
        // Arrange: the top rung may lose 1 dB, and so may its twin.
        var ladder = LocalJob.Av1Ladder with { Renditions = [LocalJob.Av1Ladder.Renditions[0] with { MaxLossDb = 1 }, LocalJob.Av1Ladder.Renditions[1]] };

        // Act
        var (manifest, runner) = await TranscodeAsync(await Clips.Noisy(), LadderMode.PerTitle, cancellationToken, ladder);

        // Assert: the twin weighed by its own SVT-AV1 trials (raw OBU), from the ladder's AV1 factor up.
        var twin = manifest.Renditions.Single(r => r.Name == "180p-av1");
        var control = twin.RateControl!;
        Assert.That(control.Crf, Is.InRange(40, 52));
        Assert.That(control.PredictedSsimDb, Is.GreaterThanOrEqualTo(control.TargetSsimDb! - 1e-3));
        var trials = manifest.Ladder!.Analysis!.Rungs.Single(r => r.Name == "180p-av1").Trials;
        Assert.That(trials.Select(t => t.Crf), Is.EqualTo(new[] { 40, 52 }));
        Assert.That(runner.Runs.Select(r => string.Join(' ', r.Arguments)), Has.Some.Contains("-c:v libsvtav1").And.Some.Contains("-f obu"), "the twin's trials");
        var encode = string.Join(' ', WholeSourceReads(runner).Single());
        Assert.That(encode, Does.Contain($"-c:v libsvtav1 -preset 12 -crf {control.Crf} -svtav1-params enable-force-key-frames=1 -maxrate {twin.MaxVideoKbps}k"));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_PerTitleWithAv1StaticSource_TheTwinGoesWithItsDroppedRung(CancellationToken cancellationToken)
    {
        // Act
        var (manifest, _) = await TranscodeAsync(await Clips.Static(), LadderMode.PerTitle, cancellationToken, LocalJob.Av1Ladder);

        // Assert
        Assert.That(manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "96p" }));
        Assert.That(manifest.Ladder!.Dropped.Select(d => (d.Name, d.Reason)), Is.EqualTo(new[]
        {
            ("180p", manifest.Ladder.Dropped[0].Reason), ("180p-av1", "goes with its H.264 rung 180p, dropped"),
        }));
        Assert.That(manifest.Ladder.Dropped[0].Reason, Does.StartWith("within 0.25 dB SSIM and PSNR of 96p"));
    }
}
