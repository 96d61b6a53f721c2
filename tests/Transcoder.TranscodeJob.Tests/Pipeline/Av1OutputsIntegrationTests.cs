using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Pipeline;

/// <summary>A real run with AV1 beside H.264: the twins' own tracks, on the H.264 keyframes, measured, in the playlists.</summary>
[Category("Integration")]
public sealed class Av1OutputsIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out(string name) => _temp.Combine("out", name);

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(120_000)]
    public async Task RunAsync_H264AndAv1_TwinOnTheH264KeyframesInItsOwnTrackMeasuredWithoutAnMp4(bool singlePass, CancellationToken cancellationToken)
    {
        // Arrange: LocalJob.Av1Ladder's GOP puts x264's forced keyframes off a fixed frame count.
        var mode = singlePass ? EncodeMode.Single : EncodeMode.PerRendition;

        // Act
        var manifest = (await LocalJob.Create(await Clips.FourAndAHalfSeconds(), _temp, LocalJob.Av1Ladder, options: o => o with { EncodeMode = mode })
            .RunAsync(cancellationToken)).Manifest;

        // Assert: the rungs, then the twin beside its rung.
        Assert.That(manifest.Renditions.Select(r => (r.Name, r.Codec, r.Track, r.File, r.Playlist)), Is.EqualTo(new[]
        {
            ("180p", "h264", "180p.cmfv", (string?)"180p.mp4", (string?)"180p.m3u8"),
            ("180p-av1", "av1", "180p-av1.cmfv", null, "180p-av1.m3u8"),
            ("96p", "h264", "96p.cmfv", "96p.mp4", "96p.m3u8"),
        }));
        var h264 = await MediaFacts.KeyframeTimesAsync(Out("180p.cmfv"));
        var av1 = await MediaFacts.KeyframeTimesAsync(Out("180p-av1.cmfv"));
        Assert.That(h264.Select(t => Math.Round(t - h264[0], 3)), Is.EqualTo(new[] { 0, 1.267, 2.5, 3.767 }), "x264 on the forced grid");
        Assert.That(av1.Select(t => Math.Round(t - av1[0], 3)), Is.EqualTo(h264.Select(t => Math.Round(t - h264[0], 3))), "the twin on the same frames");

        var facts = await MediaFacts.ReadAsync(Out("180p-av1.cmfv"));
        Assert.That((facts.VideoCodec, facts.Width, facts.Height, facts.PixelFormat), Is.EqualTo(("av1", 320, 180, "yuv420p")));
        Assert.That(await FfmpegDecode.DurationAsync(Out("180p-av1.cmfv"), cancellationToken), Is.EqualTo(4.5).Within(0.1));
        Assert.That(manifest.Renditions.Single(r => r.Codec == "av1").Quality, Is.Not.Null, "measured as the H.264 rungs");
        Assert.That(manifest.Files.Select(f => f.File), Does.Contain("180p-av1-iframes.m3u8").And.Not.Contain("180p-av1.mp4"));
        Assert.That(manifest.Files.Where(f => f.Role == OutputRoles.CmafVideo).Select(f => f.File), Is.EquivalentTo(new[] { "180p.cmfv", "180p-av1.cmfv", "96p.cmfv" }));
    }
}
