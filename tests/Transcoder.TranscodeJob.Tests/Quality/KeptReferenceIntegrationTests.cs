using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Quality;

/// <summary>The measurement against the pictures the encode kept, and against the source decoded again, on the same renditions.</summary>
[Category("Integration")]
public sealed class KeptReferenceIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FfmpegRunner _runner = new(FfmpegPaths.Default, TimeSpan.FromSeconds(5));

    public void Dispose() => _temp.Dispose();

    // 4.5 s at 30 fps; 3 s at 25600/867 fps (its keyframes between the planned frames), where the kept pictures' time
    // base and the renditions' round a frame's time differently; 12 s in Matroska whose picture starts 21 ms after its
    // sound, where the renditions repeat their first frame at 0; the same in MPEG-TS, whose seeks land on any frame.
    // All move every frame: a frame off scores far below.
    private static readonly Func<Task<string>>[] MovingClips =
        [Clips.FourAndAHalfSeconds, Clips.KeyframesOffTheGrid, Clips.NtscLongGopMatroska, Clips.NtscLongGopTransportStream];

    [Test]
    [CancelAfter(90_000)]
    public async Task MeasureStage_KeptReference_TheFiguresOfTheSourceDecodedAgainWithoutReadingIt(
        [Values(0, 1, 2, 3)] int moving, CancellationToken cancellationToken)
    {
        // Arrange: three windows; one encode, kept reference and all.
        var clip = await MovingClips[moving]();
        var (probed, plan) = await LocalJob.PlanAsync(_runner, clip, cancellationToken);
        using var workspace = JobWorkspace.Create(_temp.Path, "kept");
        var options = new PipelineOptions(null, LocalJob.SmallLadder, _temp.Path, 1);
        var encoded = await new EncodeStage(_runner, new MediaProbe(_runner), options, NullLogger.Instance, TimeProvider.System)
            .RunAsync(probed, plan, clip, workspace, cancellationToken);
        var kept = encoded.Reference;
        Assert.That(kept, Is.Not.Null, "a measured single pass keeps its windows' pictures");
        Assert.That(File.Exists(kept!.Path));

        // Act: the windows in twos (a run of two, then one of one), then as the job reads them (all three in one run),
        // then the source decoded again for each.
        var inTwos = await new QualityMeasurer(_runner, NullLogger.Instance, windowsPerRun: 2)
            .MeasureAsync(true, probed.Input, probed.Media, encoded.Ladder, plan.Reference, plan.Encoder.GopSeconds, workspace, cancellationToken, kept);
        var reading = new RecordingRunner(_runner);
        var fromKept = await new MeasureStage(reading, enabled: true, NullLogger.Instance).RunAsync(probed, plan, encoded, workspace, cancellationToken);
        var again = await new QualityMeasurer(_runner, NullLogger.Instance)
            .MeasureAsync(true, probed.Input, probed.Media, encoded.Ladder, plan.Reference, plan.Encoder.GopSeconds, workspace, cancellationToken);

        // Assert: the same windows, the same figures however they are run; the source not opened; the kept pictures gone after.
        Assert.That(kept.Windows, Has.Count.EqualTo(3));
        Assert.That(reading.Runs, Has.Count.EqualTo(1), "three windows of kept pictures, one ffmpeg");
        Assert.That(reading.Runs.Select(r => string.Join(' ', r.Arguments)), Has.All.Contain(kept.Path).And.All.Not.Contain(clip));
        Assert.That(File.Exists(kept.Path), Is.False);
        Assert.That(fromKept.Keys, Is.EquivalentTo(plan.Plans.Select(p => p.Name)));
        Assert.Multiple(() =>
        {
            foreach (var (name, quality) in fromKept)
            {
                Assert.That(quality.Windows, Is.EqualTo(again[name].Windows), name);
                Assert.That(quality.SsimDb, Is.EqualTo(again[name].SsimDb).Within(0.05), name);
                Assert.That(quality.Psnr, Is.EqualTo(again[name].Psnr).Within(0.05), name);
                Assert.That(inTwos[name], Is.EqualTo(quality), name);
            }
        });
    }
}
