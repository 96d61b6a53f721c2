using System.Text.Json;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Chunks;

public sealed class SplitPlanTests
{
    [Test]
    public void Json_WrittenByTheFirstJobReadByAChunk_SameDecisions()
    {
        // Arrange: what the chunks must agree on, with the less common parts set (HDR, a held last frame, loudness).
        var rendition = new RenditionPlan("1080p", 1920, 1080, new Rational(30000, 1001), 6000, 128, TestMedia.Stereo, ToneMap: true, Deinterlace: false)
        {
            Duration = TimeSpan.FromSeconds(1234.567), LastFrameHold = TimeSpan.FromSeconds(3),
        };
        var plan = new SplitPlan(
            "0123456789abcdef", "job-1", "etag:1;request=2", "etag:1",
            new ManifestSource("s3://t/k", "etag:1;request=2", "1", null, 5, "mov,mp4", 1234.567, new ManifestVideo("hevc", 3840, 2160, 3840, 2160, "1:1", 0, "30000/1001", "yuv420p10le", "smpte2084"), [], null),
            TimeSpan.FromSeconds(1234.567), "mov", 0, TimeSpan.FromMilliseconds(40), 35_389_440,
            [rendition, rendition with { Name = "720p", Width = 1280, Height = 720 }],
            new AudioPlan(TestMedia.Stereo, 128), new EncoderSettings(Loudness: new LoudnessTarget(-16, -1)),
            [new ChunkRange(0, 0, 18000), new ChunkRange(1, 18000, 37000)],
            StoryboardPlan.For(TimeSpan.FromSeconds(1234.567), 1920, 1080), "hls,dash", "order 42", DateTimeOffset.UnixEpoch);

        // Act
        var json = JsonSerializer.Serialize(plan, ChunkJsonContext.Default.SplitPlan);
        var read = JsonSerializer.Deserialize(json, ChunkJsonContext.Default.SplitPlan)!;

        // Assert: read back, it writes the same document; computed properties are not in it.
        Assert.That(JsonSerializer.Serialize(read, ChunkJsonContext.Default.SplitPlan), Is.EqualTo(json));
        Assert.That(read.Renditions[0], Is.EqualTo(rendition));
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
