using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Chunks;

/// <summary>The split decision: whether a source is cut, into how many chunks, where.</summary>
public sealed class ChunkPlannerTests
{
    private static readonly KeyframeGrid Ntsc = new(new Rational(30000, 1001), 2);

    private static IReadOnlyList<ChunkRange> Plan(double seconds, SplitSettings? settings = null) =>
        ChunkPlanner.Plan(TimeSpan.FromSeconds(seconds), Ntsc.FramesBefore((long)(seconds * 1000)), Ntsc, settings ?? SplitSettings.Default);

    [TestCase(60)]
    [TestCase(600)]
    public void Plan_AtOrBelowTheThreshold_NotCut(double seconds)
    {
        // Act / Assert: ten minutes and less go to one task.
        Assert.That(Plan(seconds), Is.Empty);
    }

    [Test]
    public void Plan_TwoHourFilmWithAv1Twins_CutLikeItsH264Ladder()
    {
        // Act: a rung and its AV1 twin, as PlanStage plans them for --codecs h264,av1, and the rung alone.
        var withTwins = ChunkPlanner.Plan([Rung("720p", VideoCodecs.H264), Rung("720p" + RenditionPlan.Av1Suffix, VideoCodecs.Av1)], new EncoderSettings(), TimeSpan.FromHours(2), SplitSettings.Default);
        var h264 = ChunkPlanner.Plan([Rung("720p", VideoCodecs.H264)], new EncoderSettings(), TimeSpan.FromHours(2), SplitSettings.Default);

        // Assert: the twins are encoded by the same chunks, on the same grid.
        Assert.That(withTwins, Has.Count.EqualTo(24));
        Assert.That(withTwins, Is.EqualTo(h264));
    }

    [Test]
    public void Plan_TwoHourAudioOnlySource_EncodedWhole()
    {
        // Act / Assert: no picture to cut; its one audio encode is all the work.
        Assert.That(ChunkPlanner.Plan([], new EncoderSettings(), TimeSpan.FromHours(2), SplitSettings.Default), Is.Empty);
    }

    private static RenditionPlan Rung(string name, VideoCodecs codec) =>
        new RenditionPlan(name, 1280, 720, new Rational(30000, 1001), 3000, 128, false, false) { Codec = codec, Duration = TimeSpan.FromHours(2) };

    [Test]
    public void Plan_TwoHourFilm_24ChunksOfFiveMinutesOnTheKeyframeGrid()
    {
        // Act
        var chunks = Plan(7200);

        // Assert: the cap on their number makes the chunks longer than the 2-minute minimum.
        Assert.That(chunks, Has.Count.EqualTo(24));
        Assert.That(chunks.Select(c => Ntsc.TimeOf(c.Frames).TotalSeconds), Is.All.EqualTo(300).Within(2.1));
        Assert.That(chunks.Select(c => Ntsc.IsKeyframe(c.FirstFrame)), Is.All.True);
    }

    [Test]
    public void Plan_ElevenMinutes_FiveChunksOfAtLeastTheMinimum()
    {
        // Act
        var chunks = Plan(660);

        // Assert: 660 / 120 s = 5.5, so 5 chunks of 132 s rather than 6 shorter than the minimum.
        Assert.That(chunks, Has.Count.EqualTo(5));
        Assert.That(chunks.Min(c => Ntsc.TimeOf(c.Frames).TotalSeconds), Is.GreaterThanOrEqualTo(120));
    }

    [Test]
    public void Plan_AnyLength_EveryFrameInExactlyOneChunkInOrder()
    {
        // Act
        var chunks = Plan(2345.678);

        // Assert
        Assert.That(chunks[0].FirstFrame, Is.Zero);
        Assert.That(chunks.Zip(chunks.Skip(1)).All(p => p.First.EndFrame == p.Second.FirstFrame && p.First.Index + 1 == p.Second.Index), Is.True);
        Assert.That(chunks[^1].EndFrame, Is.EqualTo(Ntsc.FramesBefore(2_345_678)));
        Assert.That(chunks.Select(c => c.Frames), Is.All.Positive);
    }

    [Test]
    public void Plan_SettingsOfATest_TinyThresholdCutsAShortClip()
    {
        // Act: what the end-to-end tests configure, so that 12 s is "long".
        var chunks = Plan(12, new SplitSettings(5, 4, 3));

        // Assert
        Assert.That(chunks.Select(c => (c.FirstFrame, c.EndFrame)), Is.EqualTo(new[] { (0L, 120L), (120L, 240L), (240L, 360L) }));
    }

    [Test]
    public void Plan_FewerKeyframesThanChunks_AsManyChunksAsKeyframes()
    {
        // Act: 5 s holds keyframes at 0, 2 and 4 s only.
        var chunks = Plan(5, new SplitSettings(1, 1, 10));

        // Assert
        Assert.That(chunks.Select(c => c.FirstFrame), Is.EqualTo(new[] { 0L, 60, 120 }));
    }
}
