using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Quality;

public sealed class QualitySamplingTests
{
    private static readonly Rational Thirty = new(30, 1);
    private const double Gop = 2;

    [Test]
    public void For_ShortSource_OneWindowOverTheWhole()
    {
        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(2.9), Thirty, Gop);

        // Assert
        Assert.That(windows, Is.EqualTo(new[] { new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(2.9)) }));
    }

    [TestCase(10, 3)]
    [TestCase(30.06, 3)]
    [TestCase(95, 10)]
    [TestCase(3600, QualitySampling.MaxWindows)]
    public void For_LongerSource_MoreWindowsUpToTheLimit(double seconds, int expected)
    {
        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(seconds), Thirty, Gop);

        // Assert
        Assert.That(windows, Has.Count.EqualTo(expected));
    }

    [TestCase(10)]
    [TestCase(60)]
    [TestCase(600)]
    [TestCase(14400)]
    public void For_AnySource_WindowsSpreadInOrderInsideTheSourceOnTheFrameGrid(double seconds)
    {
        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(seconds), Thirty, Gop);

        // Assert
        Assert.Multiple(() =>
        {
            for (var i = 0; i < windows.Count; i++)
            {
                var window = windows[i];
                Assert.That(window.Start.TotalSeconds + window.Length.TotalSeconds, Is.LessThanOrEqualTo(seconds + 1e-9), $"window {i}");
                Assert.That(window.Start.TotalSeconds * 30 % 1, Is.EqualTo(0).Within(1e-5).Or.EqualTo(1).Within(1e-5), $"window {i} on the grid");
                if (i > 0)
                {
                    Assert.That(window.Start, Is.GreaterThanOrEqualTo(windows[i - 1].Start + windows[i - 1].Length), $"window {i} after {i - 1}");
                }
            }

            // Spread: the first in the first share of the source, the last in the last.
            Assert.That(windows[0].Start.TotalSeconds, Is.LessThan(seconds / windows.Count));
            Assert.That(windows[^1].Start.TotalSeconds, Is.GreaterThan(seconds * (windows.Count - 1) / windows.Count - windows[^1].Length.TotalSeconds));
        });
    }

    [TestCase(10)]
    [TestCase(100)]
    [TestCase(14400)]
    public void For_LongSource_SamplesASmallShare(double seconds)
    {
        // Act
        var sampled = QualitySampling.For(TimeSpan.FromSeconds(seconds), Thirty, Gop).Sum(w => w.Length.TotalSeconds);

        // Assert: at most the share, or the shortest windows' worth.
        Assert.That(sampled, Is.LessThanOrEqualTo(Math.Max(QualitySampling.SampledShare * seconds, QualitySampling.MinWindows * QualitySampling.MinWindowSeconds) + 1e-9));
    }

    [TestCase(30)]
    [TestCase(95)]
    public void For_WindowsShorterThanAGop_StaggeredOverTheKeyframeCycle(double seconds)
    {
        // Act
        var phases = QualitySampling.For(TimeSpan.FromSeconds(seconds), Thirty, Gop)
            .Select(w => Math.Round(w.Start.TotalSeconds % Gop, 2))
            .Distinct()
            .Order()
            .ToList();

        // Assert: windows start at different points of the GOP, spread over it.
        Assert.That(phases, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(phases[^1] - phases[0], Is.GreaterThanOrEqualTo(Gop / 2));
    }

    [TestCase(15, 1)]
    [TestCase(120, 1)]
    [TestCase(120, 2)]
    [TestCase(3600, 2)]
    public void For_SourceKeyframes_EachWindowStartsLessThanAGopAfterOne(double seconds, double sourceGop)
    {
        // Arrange: a phone's or a camera's GOP.
        var keyframes = Enumerable.Range(0, (int)(seconds / sourceGop) + 1).Select(k => TimeSpan.FromSeconds(k * sourceGop)).ToList();

        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(seconds), Thirty, Gop, keyframes);

        // Assert: decoded from the keyframe a seek lands on (a quarter frame before the start), for less than a GOP.
        Assert.That(windows, Has.Count.GreaterThanOrEqualTo(QualitySampling.MinWindows));
        Assert.Multiple(() =>
        {
            foreach (var window in windows)
            {
                var keyframe = keyframes.Last(k => k <= window.SeekPoint(Thirty)).TotalSeconds;
                Assert.That(window.Start.TotalSeconds - keyframe, Is.LessThan(Gop + (1.0 / 30)), $"window at {window.Start}");
                Assert.That(window.Start.TotalSeconds + window.Length.TotalSeconds, Is.LessThanOrEqualTo(seconds + 1e-9));
                Assert.That(window.Start.TotalSeconds * 30 % 1, Is.EqualTo(0).Within(1e-5).Or.EqualTo(1).Within(1e-5), "on the grid");
            }
        });
    }

    [Test]
    public void For_SeveralSourceKeyframesInReach_TheStartWithTheFewestFramesDecodedBeforeIt()
    {
        // Arrange: 30 s whose source keyframes are 5.005 s apart (a camera's 150 frames at 29.97 fps); each window can
        // reach two of them.
        var keyframes = Enumerable.Range(0, 6).Select(k => TimeSpan.FromSeconds(k * 5.005)).ToList();

        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(30), Thirty, Gop, keyframes);

        // Assert: the first window (phase 0 of the GOP, wanted near 6.4 s) reaches the keyframes at 5.005 and 10.01 s. At
        // 6.0 s, nearest the wanted place, it decoded a second of source before its first compared frame; at 10.033 s,
        // a frame. The others have one keyframe each in reach at their phase (0.667 and 1.333 s of the GOP).
        Assert.That(windows.Select(w => Math.Round(w.Start.TotalSeconds, 3)), Is.EqualTo(new[] { 10.033, 16.667, 25.333 }));
        Assert.That(windows[0].Start.TotalSeconds - keyframes[2].TotalSeconds, Is.LessThan(1.0 / 30));
    }

    [Test]
    public void For_SparseSourceKeyframes_StillStaggeredOverTheKeyframeCycle()
    {
        // Arrange: keyframes every 8.333 s over two minutes.
        var keyframes = Enumerable.Range(0, 15).Select(k => TimeSpan.FromSeconds(k * 8.333)).ToList();

        // Act
        var phases = QualitySampling.For(TimeSpan.FromSeconds(120), Thirty, Gop, keyframes)
            .Select(w => Math.Round(w.Start.TotalSeconds % Gop, 1))
            .Distinct()
            .Order()
            .ToList();

        // Assert
        Assert.That(phases, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(phases[^1] - phases[0], Is.GreaterThanOrEqualTo(Gop / 2));
    }

    [Test]
    public void For_NoSourceKeyframeInAShare_TheWindowStartsWhereItsShareBeginsAtItsPhase()
    {
        // Arrange: 15 s of 4K with x264's default GOP: keyframes at 0 and 8.333 s only. The three windows' shares of the
        // timeline after the first GOP are 2–6.33, 6.33–10.67 and 10.67–15 s; only the second holds a keyframe.
        TimeSpan[] keyframes = [TimeSpan.Zero, TimeSpan.FromSeconds(8.333)];

        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(15), Thirty, Gop, keyframes);

        // Assert: the first and last start at their shares' first start at their phases (0 and 1.333 s of the GOP),
        // 2 and 3 s after the keyframe before them; placed at their shares' middles they decoded 4 and 5 s first. The
        // second starts just after its keyframe at its phase (0.667 s).
        Assert.That(windows.Select(w => Math.Round(w.Start.TotalSeconds, 3)), Is.EqualTo(new[] { 2.0, 8.667, 11.333 }));
    }

    [Test]
    public void For_LongSource_NoWindowInTheEncodesFirstGop()
    {
        // Arrange: 15 s with x264's default GOP: keyframes at 0 and 8.333 s; a window just after the one at 0 is the cheapest.
        TimeSpan[] keyframes = [TimeSpan.Zero, TimeSpan.FromSeconds(8.333)];

        // Act
        var windows = QualitySampling.For(TimeSpan.FromSeconds(15), Thirty, Gop, keyframes);

        // Assert: x264 starts cold (the first second of a 2160p clip's 1080p rung measured 1 dB below the rest).
        Assert.That(windows.Select(w => w.Start.TotalSeconds), Has.All.GreaterThanOrEqualTo(Gop));
    }

    [Test]
    public void FrameRanges_Windows_EachWithAFrameEitherSideAndTheFirstFrame()
    {
        // Arrange: windows from 2 s and 8.5 s, half a second each, at 30 fps.
        var kept = new KeptReference("/ws/ref.nut", new RenditionPlan("1080p", 1920, 1080, Thirty, 6000, 128, ToneMap: false, Deinterlace: false),
            [new QualityWindow(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5)), new QualityWindow(TimeSpan.FromSeconds(8.5), TimeSpan.FromSeconds(0.5))]);

        // Assert: frame 0 starts the file's timeline at 0; frames 60–75 and 255–270 hold the windows' (the frame at
        // their end too: a window's length rounds up to it).
        Assert.That(kept.FrameRanges, Is.EqualTo(new (long, long)[] { (0, 0), (59, 76), (254, 271) }));
        Assert.That(kept.Frames, Is.EqualTo(1 + 18 + 18));
    }

    [TestCase(0.13)]
    [TestCase(0.45)]
    public void For_SourceShorterThanTheAnalysisWindows_OneWindowOverTheWhole(double seconds)
    {
        // Act: the analysis never samples a source whole for its length's sake, but cannot cut a window longer than it.
        var windows = SampledWindows.For(Transcoder.TranscodeJob.Analysis.AnalysisSampling.Rule, TimeSpan.FromSeconds(seconds), Thirty, Gop, staggered: false, keyframes: null);

        // Assert
        Assert.That(windows, Is.EqualTo(new[] { new QualityWindow(TimeSpan.Zero, TimeSpan.FromSeconds(seconds)) }));
    }
}
