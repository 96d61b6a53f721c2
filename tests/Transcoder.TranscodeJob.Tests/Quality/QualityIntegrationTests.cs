using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Quality;

/// <summary>
/// The measured quality of real renditions, against what one hand-written ffmpeg command measures over the whole
/// source: the same reference (the planned rate, tone mapping for HDR), the same upscale, the same frames.
/// </summary>
[Category("Integration")]
public sealed class QualityIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<JobManifest> TranscodeAsync(string clip, CancellationToken cancellationToken, string? workDir = null)
    {
        var pipeline = LocalJob.Create(clip, _temp, options: o => workDir is null ? o : o with { WorkDir = workDir });
        return (await pipeline.RunAsync(cancellationToken)).Manifest;
    }

    private string TrackOf(ManifestRendition rendition) => _temp.Combine("out", rendition.Track);

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_ShortClip_EveryRenditionMeasuredWholeAsByHand(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.Landscape();

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken);

        // Assert: the windows would cover more than half of 1.5 s, so the clip is measured whole: the full-length figures.
        var top = manifest.Renditions[0];
        foreach (var rendition in manifest.Renditions)
        {
            var quality = rendition.Quality!;
            var byHand = await HandWrittenQuality.MeasureAsync(TrackOf(rendition), clip, top.Width, top.Height, "fps=25", cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That((quality.ReferenceWidth, quality.ReferenceHeight), Is.EqualTo((top.Width, top.Height)), rendition.Name);
                Assert.That(quality.Windows.Select(w => w.StartSeconds), Is.EqualTo(new[] { 0.0 }), rendition.Name);
                Assert.That(quality.SampledSeconds, Is.EqualTo(manifest.Source.DurationSeconds).Within(0.001), rendition.Name);
                Assert.That(quality.SampledFrames, Is.EqualTo(38).Within(1), rendition.Name);
                Assert.That(quality.Ssim, Is.EqualTo(byHand.Ssim).Within(0.001), rendition.Name);
                Assert.That(quality.Psnr, Is.EqualTo(byHand.Psnr).Within(0.05), rendition.Name);
                Assert.That(quality.SsimDb, Is.EqualTo(-10 * Math.Log10(1 - quality.Ssim)).Within(0.01), rendition.Name);
            });
        }

        Assert.That(manifest.Renditions.Select(r => r.Quality!.Ssim), Is.Ordered.Descending, "a smaller rung loses detail");
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Done_EventSummarisesEveryMeasuredRendition(CancellationToken cancellationToken)
    {
        // Arrange
        var pipeline = LocalJob.Create(await Clips.NoAudio(), _temp);
        var spec = new JobSpec { Source = new LocalInput(await Clips.NoAudio()), Output = new LocalOutput(_temp.Combine("out")) };

        // Act
        var outcome = await pipeline.RunAsync(cancellationToken);
        var jobEvent = JobEvents.For(new JobEnd(ExitCodes.Success, outcome.JobId, outcome, null, null, pipeline.SourceBytes), spec, DateTimeOffset.UtcNow)!;

        // Assert
        Assert.That(jobEvent.Outputs!.Quality, Is.EqualTo(outcome.Manifest.Renditions.Select(r =>
            new JobEventQuality(r.Name, r.Quality!.Ssim, r.Quality.SsimDb, r.Quality.Psnr, r.Bitrate))));
        Assert.That(jobEvent.Outputs.Quality, Has.Count.EqualTo(3));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_LongerClip_SampledWindowsNearTheFullLengthFigure(CancellationToken cancellationToken)
    {
        // Arrange: 4.5 s at 30 fps, three half-second windows; testsrc2 moves every frame, so a window a frame off
        // its rendition would score far below.
        var clip = await Clips.FourAndAHalfSeconds();

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken);

        // Assert
        var top = manifest.Renditions[0];
        foreach (var rendition in manifest.Renditions)
        {
            var quality = rendition.Quality!;
            var byHand = await HandWrittenQuality.MeasureAsync(TrackOf(rendition), clip, top.Width, top.Height, "fps=30", cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(quality.Windows, Has.Count.EqualTo(3), rendition.Name);
                Assert.That(quality.SampledFrames, Is.EqualTo(45), rendition.Name);
                Assert.That(quality.SsimDb, Is.EqualTo(-10 * Math.Log10(1 - byHand.Ssim)).Within(0.5), rendition.Name);
                Assert.That(quality.Psnr, Is.EqualTo(byHand.Psnr).Within(1), rendition.Name);
            });
        }
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_Hdr10_MeasuredAgainstTheToneMappedSource(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await Clips.Hdr10();

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken);

        // Assert: as by hand against the encode's tone mapping (converted to YUV by zscale, BT.709, as the encode does),
        // and far from a comparison with the PQ picture itself.
        var top = manifest.Renditions[0];
        var toneMapped = await HandWrittenQuality.MeasureAsync(TrackOf(top), clip, top.Width, top.Height, $"fps=25,{PictureFilters.ToneMap},format=yuv420p", cancellationToken);
        var untouched = await HandWrittenQuality.MeasureAsync(TrackOf(top), clip, top.Width, top.Height, "fps=25", cancellationToken);
        Assert.That(top.Quality!.Psnr, Is.EqualTo(toneMapped.Psnr).Within(0.1));
        Assert.That(top.Quality.Psnr, Is.GreaterThan(untouched.Psnr + 3));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task RunAsync_WorkspaceNameWithFilterSyntax_StillMeasured(CancellationToken cancellationToken)
    {
        // Arrange: the stats files' paths go into the filter graph; ':', ',', quotes and brackets must stay the name.
        var clip = await Clips.NoAudio();
        var workDir = _temp.Combine("work, [a]:b'c;d");

        // Act
        var manifest = await TranscodeAsync(clip, cancellationToken, workDir);

        // Assert
        Assert.That(manifest.Renditions.Select(r => r.Quality?.Ssim ?? 0), Has.All.GreaterThan(0.8));
    }
}
