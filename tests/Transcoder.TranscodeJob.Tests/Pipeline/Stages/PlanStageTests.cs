using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline.Stages;

public sealed class PlanStageTests
{
    private readonly ListLogger<PlanStage> _logger = new();

    private PlannedLadder Plan(int width, int height, Func<Ladder, TitleAnalysis>? analyse = null)
    {
        var ladder = Ladder.Default with { Codecs = VideoCodecs.H264 | VideoCodecs.Av1 };
        var source = new SourceObject("/in.mp4", new SourceRevision(SourceRevisionKind.ETag, "abc"), 1000, null, null, null);
        var subject = new JobSubject("job", source, new RunRequest(ladder, StreamingFormats.All, null), "fingerprint");
        return new PlanStage(_logger).Run(
            new ProbedSource(new SourceInput("/in.mp4", SourceLimits.DefaultMaxPixelsPerFrame), TestMedia.Source(width, height)), subject, analyse?.Invoke(ladder));
    }

    [Test]
    public void Run_Av1AskedAndARungOffersIt_TwinsPlannedNoWarning()
    {
        // Act
        var plan = Plan(1920, 1080);

        // Assert
        Assert.That(plan.Plans.Where(p => p.Codec == VideoCodecs.Av1).Select(p => p.Name), Is.EqualTo(new[] { "720p-av1", "480p-av1", "360p-av1" }));
        Assert.That(_logger.Entries.Where(e => e.Level == LogLevel.Warning), Is.Empty);
    }

    [Test]
    public void Run_Av1AskedButNoRungOfThisSourceOffersIt_H264WithAWarning()
    {
        // Act: a 1080p-only ladder would do the same; here the source is under SVT-AV1's smallest picture.
        var plan = Plan(96, 54);

        // Assert
        Assert.That(plan.Plans.Select(p => p.Codec), Is.All.EqualTo(VideoCodecs.H264));
        Assert.That(_logger.Entries.Single(e => e.Level == LogLevel.Warning).Message, Does.Contain("AV1 was asked for"));
    }

    [Test]
    public void Run_PerTitleDropsARung_ItsAv1TwinGoesWithItAndTheKeptRungsTwinsStay()
    {
        // Arrange: a static picture: 1080p and 720p predict the same SSIM and PSNR as 480p at more bits, so both are dropped.
        static TitleAnalysis Analyse(Ladder ladder)
        {
            var plans = new LadderPlanner(ladder).PlanFor(TestMedia.Source(1920, 1080));
            var curves = plans.Select((plan, i) => new RungCurve(plan, [new TrialPoint(
                plan.Codec == VideoCodecs.Av1 ? ladder.Encoder.Av1.Crf : ladder.Encoder.Crf, 400_000 - (i % 4 * 100_000), i % 4 < 3 ? 30.0 : 25.0, i % 4 < 3 ? 45.0 : 40.0)])).ToList();
            return new TitleAnalysis(curves, [new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(1))], plans[0]);
        }

        // Act
        var plan = Plan(1920, 1080, Analyse);

        // Assert
        Assert.That(plan.Plans.Select(p => p.Name), Is.EqualTo(new[] { "480p", "360p", "480p-av1", "360p-av1" }));
        Assert.That(plan.Decision!.Dropped.Select(d => d.Rung.Plan.Name), Is.EqualTo(new[] { "1080p", "720p", "720p-av1" }));
    }
}
