using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Analysis;

public sealed class LadderChooserTests
{
    private static readonly Ladder Ladder = Ladder.Default;

    private static RenditionPlan Plan(string name, int height) =>
        new(name, height * 16 / 9, height, new Rational(30, 1), 3000, 128, false, false);

    // Trials at 23, 29 and 35 (the top at 23 only): (kb/s, SSIM dB) at each, the PSNR moving with the SSIM (20 dB above
    // it), so that the two agree; the chooser reads any number of them.
    private static RungCurve Curve(string name, int height, params (double Kbps, double SsimDb)[] trials) =>
        Curve(name, height, [.. trials.Select(t => (t.Kbps, t.SsimDb, t.SsimDb + 20))]);

    private static RungCurve Curve(string name, int height, params (double Kbps, double SsimDb, double PsnrDb)[] trials) =>
        new(Plan(name, height), [.. trials.Select((t, i) => new TrialPoint(23 + (6 * i), t.Kbps * 1000, t.SsimDb, t.PsnrDb))]);

    private static LadderDecision Choose(params RungCurve[] curves) =>
        LadderChooser.Choose(new TitleAnalysis(curves, [new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(1))], curves[0].Plan), Ladder);

    [Test]
    public void Choose_RungLimitedByItsSize_FactorRaisedWhileItLosesLessThanItsAllowance()
    {
        // Act: text scaled down to 720p: 0.5 dB lost over 12 steps of CRF, the bits halved.
        var decision = Choose(Curve("1080p", 1080, (65, 37.7)), Curve("720p", 720, (43, 23.8), (34, 23.6), (27, 23.3)));

        // Assert
        var rung = decision.Kept[1];
        Assert.That(rung.Crf, Is.EqualTo(35));
        Assert.That(rung.TargetSsimDb, Is.EqualTo(23.8 - LadderChooser.LowerMaxLossDb).Within(1e-9));
        Assert.That(rung.PredictedSsimDb, Is.EqualTo(23.3).Within(1e-9));
        Assert.That(rung.PredictedBitRate, Is.EqualTo(27_000).Within(1));
    }

    [Test]
    public void Choose_RungLimitedByCompression_FactorRaisedOnlyAsFarAsItsAllowance()
    {
        // Act: 0.25 dB lost per step of CRF.
        var decision = Choose(Curve("1080p", 1080, (7000, 18.2)), Curve("720p", 720, (2800, 14.6), (1300, 13.1), (700, 11.6)));

        // Assert: 0.75 dB allowed: three steps.
        Assert.That(decision.Kept[1].Crf, Is.EqualTo(26));
        Assert.That(decision.Kept[1].PredictedSsimDb, Is.GreaterThanOrEqualTo(14.6 - LadderChooser.LowerMaxLossDb - 1e-9));
    }

    [Test]
    public void Choose_SsimBlindToTheLoss_FactorRaisedOnlyAsFarAsThePsnrAllows()
    {
        // Act: film grain: the SSIM barely moves over 12 steps of CRF (no encode keeps the noise), the PSNR falls 0.1 dB
        // a step as the grain is smoothed away.
        var decision = Choose(
            Curve("1080p", 1080, (7000, 7.3, 34.0)),
            Curve("720p", 720, (3400, 6.75, 32.4), (1900, 6.7, 31.8), (1000, 6.65, 31.2)));

        // Assert: 0.75 dB of PSNR allowed: seven steps, not the twelve the SSIM alone allows.
        var rung = decision.Kept[1];
        Assert.That(rung.Crf, Is.EqualTo(30));
        Assert.That(rung.TargetPsnrDb, Is.EqualTo(32.4 - LadderChooser.LowerMaxLossDb).Within(1e-9));
        Assert.That(rung.PredictedPsnrDb, Is.EqualTo(31.7).Within(1e-9));
    }

    [Test]
    public void Choose_RungsAlikeBySsimButNotByPsnr_KeepsBoth()
    {
        // Act: heavy grain: 720p and 360p score the same SSIM, but the 720p keeps 2 dB more of the picture by PSNR.
        var decision = Choose(
            Curve("1080p", 1080, (7000, 7.3, 34.0)),
            Curve("720p", 720, (3400, 6.3, 32.4), (3000, 6.3, 32.4), (2700, 6.3, 32.4)),
            Curve("360p", 360, (900, 6.25, 30.4), (800, 6.25, 30.4), (700, 6.25, 30.4)));

        // Assert
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "1080p", "720p", "360p" }));
        Assert.That(decision.Dropped, Is.Empty);
    }

    [Test]
    public void Choose_BitsDoNotFall_KeepsTheLaddersFactor()
    {
        // Act: a static picture whose bits are the same at every factor.
        var decision = Choose(Curve("1080p", 1080, (25, 42.6)), Curve("720p", 720, (17, 35.3), (16.9, 34.9), (16.8, 34.5)));

        // Assert: less than 3% saved is not worth a loss.
        Assert.That(decision.Kept[1].Crf, Is.EqualTo(23));
    }

    [Test]
    public void Choose_TopRung_KeepsTheLaddersFactorByDefault()
    {
        // Act
        var decision = Choose(Curve("1080p", 1080, (65, 37.7)), Curve("720p", 720, (43, 23.8), (34, 23.6), (27, 23.3)));

        // Assert
        Assert.That(decision.Kept[0].Crf, Is.EqualTo(Ladder.Encoder.Crf));
        Assert.That(decision.Kept[0].TargetSsimDb, Is.EqualTo(37.7));
    }

    [Test]
    public void Choose_OwnAllowance_OverridesTheDefault()
    {
        // Arrange: the 720p rung may lose nothing.
        var strict = Curve("720p", 720, (43, 23.8), (34, 23.6), (27, 23.3));
        strict = strict with { Plan = strict.Plan with { MaxLossDb = 0 } };

        // Act
        var decision = Choose(Curve("1080p", 1080, (65, 37.7)), strict);

        // Assert
        Assert.That(decision.Kept[1].Crf, Is.EqualTo(23));
    }

    [Test]
    public void Choose_RungsThatLookTheSame_DropsEveryOneButTheSmallestWithTheReason()
    {
        // Act: a flat picture: every rung at 100 dB, the larger ones at more bits.
        var decision = Choose(
            Curve("1080p", 1080, (20, 100)),
            Curve("720p", 720, (12, 100), (11, 100), (10, 100)),
            Curve("360p", 360, (6, 100), (5, 100), (4, 100)));

        // Assert
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "360p" }));
        Assert.That(decision.Dropped.Select(d => (d.Rung.Plan.Name, d.Kept.Plan.Name)), Is.EqualTo(new[] { ("1080p", "360p"), ("720p", "360p") }));
        Assert.That(decision.Dropped[1].Reason, Is.EqualTo("within 0.25 dB SSIM and PSNR of 360p (100.00 vs 100.00 dB SSIM, 120.00 vs 120.00 dB PSNR predicted) at 2.5x its bits"));
    }

    [Test]
    public void Choose_RungsThatLookTheSameButNamedByTheRequest_EveryOneKeptEachWithItsFactor()
    {
        // Arrange: the same flat picture, the renditions named (--renditions 1080p,720p,360p).
        Ladder named = Ladder.Select(["1080p", "720p", "360p"]);
        RungCurve[] curves =
        [
            Curve("1080p", 1080, (20, 100)),
            Curve("720p", 720, (12, 100), (11, 100), (10, 100)),
            Curve("360p", 360, (6, 100), (5, 100), (4, 100)),
        ];

        // Act
        var decision = LadderChooser.Choose(new TitleAnalysis(curves, [new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(1))], curves[0].Plan), named);

        // Assert: nothing dropped; the lower rungs still raised to the factor with the fewest bits.
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "1080p", "720p", "360p" }));
        Assert.That(decision.Dropped, Is.Empty);
        Assert.That(decision.Kept[0].Crf, Is.EqualTo(23));
        Assert.That(decision.Kept.Skip(1).Select(k => k.Crf), Is.All.GreaterThan(30));
    }

    [Test]
    public void Choose_EveryRungBetterThanTheNext_KeepsEveryRung()
    {
        // Act: fine detail: each rung clearly better than the one below.
        var decision = Choose(
            Curve("1080p", 1080, (6000, 14)),
            Curve("720p", 720, (3000, 11), (2000, 10.6), (1200, 10)),
            Curve("360p", 360, (800, 8), (500, 7.6), (300, 7)));

        // Assert
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "1080p", "720p", "360p" }));
        Assert.That(decision.Dropped, Is.Empty);
    }

    [Test]
    public void Choose_LargerRungAsGoodForFewerBits_Kept()
    {
        // Arrange: 720p within the margin of 360p but cheaper (360p may lose nothing): not "at more bits", so it stays.
        var smallest = Curve("360p", 360, (400, 20));
        smallest = smallest with { Plan = smallest.Plan with { MaxLossDb = 0 } };

        // Act
        var decision = Choose(Curve("720p", 720, (300, 20.1)), smallest);

        // Assert
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "720p", "360p" }));
    }

    [Test]
    public void Choose_KeptPlans_CarryTheirFactors()
    {
        // Act
        var decision = Choose(Curve("1080p", 1080, (65, 37.7)), Curve("720p", 720, (43, 23.8), (34, 23.6), (27, 23.3)));

        // Assert
        Assert.That(decision.Plans.Select(p => p.Crf), Is.EqualTo(new int?[] { 23, 35 }));
    }

    [TestCase(0, new[] { 23 })]
    [TestCase(1, new[] { 23, 35 })]
    public void TrialCrfs_Allowance_TheLaddersFactorAndAboveWhenItMayLose(double allowance, int[] expected)
    {
        // Act / Assert
        Assert.That(LadderChooser.TrialCrfs(23, allowance), Is.EqualTo(expected));
    }

    [Test]
    public void TrialCrfs_NearTheTopOfTheScale_StayOnIt()
    {
        // Act / Assert
        Assert.That(LadderChooser.TrialCrfs(45, 1), Is.EqualTo(new[] { 45, 51 }));
        Assert.That(LadderChooser.TrialCrfs(51, 1), Is.EqualTo(new[] { 51 }));
    }

    [Test]
    public void Choose_Av1Twins_EachItsOwnFactorFromTheAv1FactorAndMadeOnlyWithItsRung()
    {
        // Arrange: 720p dropped for 360p; the 720p and 360p twins tried at the AV1 factor (40) and 12 above. The 360p
        // twin loses 0.5 dB over those 12 steps for half the bits: within a lower rung's 0.75 dB allowance.
        var ladder = Ladder with { Codecs = Transcoder.Shared.Jobs.VideoCodecs.H264 | Transcoder.Shared.Jobs.VideoCodecs.Av1 };
        RungCurve Twin(string name, int height, double kbpsAt40, double kbpsAt52, double ssimAt40, double ssimAt52) =>
            new(Plan(name, height) with { Codec = Transcoder.Shared.Jobs.VideoCodecs.Av1 }, [new TrialPoint(40, kbpsAt40 * 1000, ssimAt40, ssimAt40 + 20), new TrialPoint(52, kbpsAt52 * 1000, ssimAt52, ssimAt52 + 20)]);
        var curves = new[]
        {
            Curve("720p", 720, (60, 19.9)),
            Curve("360p", 360, (40, 20.0), (30, 19.9), (20, 19.8)),
            Twin("720p-av1", 720, 40, 20, 20.2, 19.0),
            Twin("360p-av1", 360, 30, 15, 20.0, 19.5),
        };

        // Act
        var decision = LadderChooser.Choose(new TitleAnalysis(curves, [new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(1))], curves[0].Plan), ladder);

        // Assert
        Assert.That(decision.Kept.Select(k => k.Plan.Name), Is.EqualTo(new[] { "360p", "360p-av1" }));
        Assert.That(decision.Kept[1].Crf, Is.EqualTo(52), "the twin's own factor, raised while it keeps its target");
        Assert.That(decision.Dropped.Select(d => (d.Rung.Plan.Name, d.Reason)).Last(), Is.EqualTo(("720p-av1", "goes with its H.264 rung 720p, dropped")));
    }
}
