using System.Text.Json;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Chunks;

public sealed class SplitPlanTests
{
    [Test]
    public void Json_WrittenByTheFirstJobReadByAChunk_SameDecisions()
    {
        // Arrange: what the chunks must agree on, with the less common parts set (HDR, a held last frame, loudness,
        // two audio tracks and one skipped, the per-title ladder's own factors and a dropped rung).
        var rendition = new RenditionPlan("1080p", 1920, 1080, new Rational(30000, 1001), 6000, 128, ToneMap: true, Deinterlace: false)
        {
            Duration = TimeSpan.FromSeconds(1234.567), LastFrameHold = TimeSpan.FromSeconds(3), Crf = 24, MaxLossDb = 0.5,
        };
        var french = new AudioStreamInfo(2, "ac3", 6, 48000, "fre", IsDefault: false);
        var audio = new AudioTracks(
            [
                new AudioPlan(TestMedia.Stereo, 128) { Name = "audio-en-1", Facts = new AudioFacts("en", "English", AudioRole.Main, true, 2) },
                new AudioPlan(french, 128, new LoudnessNormalisation(new LoudnessTarget(-16, -1), new ManifestLoudness(-20, 5, -3, null))) { Name = "audio-fr-2", Facts = new AudioFacts("fr", "French", AudioRole.Main, false, 2) },
            ],
            [new SkippedAudio(3, "a commentary track")]);
        var kept = new RungChoice(rendition, 40.1, 40.3, 44.2, 44.6, 5_000_000);
        var dropped = new RungChoice(rendition with { Name = "720p", Width = 1280, Height = 720, Crf = 26 }, 39, 38.5, 43, 42.1, 4_000_000);
        var decision = new LadderDecision(
            [kept],
            [new DroppedRung(dropped, kept, "looks as good for fewer bits")],
            new TitleAnalysis(
                [new RungCurve(rendition, [new TrialPoint(21, 7_000_000, 41, 45), new TrialPoint(27, 3_000_000, 38, 42.5)])],
                [new QualityWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2))],
                rendition));
        var plan = new SplitPlan(
            "0123456789abcdef", "job-1", "etag:1;request=2", "etag:1",
            new ManifestSource("s3://t/k", "etag:1;request=2", "1", null, 5, "mov,mp4", 1234.567, new ManifestVideo("hevc", 3840, 2160, 3840, 2160, "1:1", 0, "30000/1001", "yuv420p10le", "smpte2084"), [], null),
            TimeSpan.FromSeconds(1234.567), "mov", 0, TimeSpan.FromMilliseconds(40), 35_389_440,
            [rendition, rendition with { Name = "720p", Width = 1280, Height = 720 }],
            audio, decision, new EncoderSettings(Loudness: new LoudnessTarget(-16, -1)),
            [new ChunkRange(0, 0, 18000), new ChunkRange(1, 18000, 37000)],
            StoryboardPlan.For(TimeSpan.FromSeconds(1234.567), 1920, 1080), "hls,dash", "order 42", DateTimeOffset.UnixEpoch)
        {
            SeekKeyframes = [TimeSpan.Zero, TimeSpan.FromSeconds(599.52)],
        };

        // Act
        var json = JsonSerializer.Serialize(plan, ChunkJsonContext.Default.SplitPlan);
        var read = JsonSerializer.Deserialize(json, ChunkJsonContext.Default.SplitPlan)!;

        // Assert: read back, it writes the same document; computed properties are not in it.
        Assert.That(JsonSerializer.Serialize(read, ChunkJsonContext.Default.SplitPlan), Is.EqualTo(json));
        Assert.That(read.Renditions[0], Is.EqualTo(rendition));
        Assert.That(read.Audio.Kept, Is.EqualTo(audio.Kept));
        Assert.That(read.Audio.Skipped, Is.EqualTo(audio.Skipped));
        Assert.That(
            JsonSerializer.Serialize(LadderRecord.Of(read.Ladder), ManifestJsonContext.Default.ManifestLadder),
            Is.EqualTo(JsonSerializer.Serialize(LadderRecord.Of(new PlannedLadder(plan.Renditions, audio, plan.Encoder) { Decision = decision }), ManifestJsonContext.Default.ManifestLadder)),
            "the manifest's ladder record, as the first job would write it");
        Assert.That(read.Ladder.Plans.Select(p => p.Crf), Is.EqualTo(new int?[] { 24, 24 }), "each rung's own factor");
        Assert.That(read.SeekKeyframes, Is.EqualTo(plan.SeekKeyframes), "where a chunk of a transport stream reads from");
        Assert.That((read.Frames, read.Grid), Is.EqualTo((37000L, new KeyframeGrid(new Rational(30000, 1001), 2))));
        Assert.That(json, Does.Not.Contain("\"fileName\"").And.Not.Contain("\"ladder\""));
    }

    [Test]
    public void IdOf_Fingerprint_SixteenHexDigitsThatDifferPerRequest()
    {
        // Act
        var first = SplitPlan.IdOf("etag:1;request=aaaa");
        var second = SplitPlan.IdOf("etag:1;request=bbbb");

        // Assert: the plan id a chunk message carries (JobChunk checks the shape).
        Assert.That(first, Does.Match("^[0-9a-f]{16}$"));
        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(new Shared.Jobs.JobChunk(first, 0, 2).Problems(), Is.Empty);
    }
}
