using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Chunks;

/// <summary>
/// A chunk picks its thumbnails by frame number (<see cref="StoryboardPlan.FrameOf"/>); a whole-source job lets ffmpeg's
/// fps filter pick them. The same frames either way: the stitched storyboard is the whole one.
/// </summary>
[Category("Integration")]
public sealed class ChunkThumbnailsIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task ForChunkThumbnails_FramesOfFrameOf_TheFramesTheFpsFilterPicks(CancellationToken cancellationToken)
    {
        // Arrange: 12 s at 29.97 fps, a thumbnail a second.
        var track = await Clips.NtscLongGop();
        var plan = StoryboardPlan.For(TimeSpan.FromSeconds(12), 320, 180);
        var runner = new FfmpegRunner(FfmpegPaths.Default, TimeSpan.FromSeconds(5));
        var frames = Enumerable.Range(0, plan.Count).Select(k => plan.FrameOf(k, new Rational(30000, 1001), 360)).ToList();
        Directory.CreateDirectory(_temp.Combine("whole"));
        Directory.CreateDirectory(_temp.Combine("chunk"));

        // Act
        var whole = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForThumbnails(track, plan, _temp.Combine("whole", StoryboardPlan.ThumbnailPattern)), null, cancellationToken);
        var chunk = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForChunkThumbnails(track, plan, frames, 0, _temp.Combine("chunk", StoryboardPlan.ThumbnailPattern)), null, cancellationToken);

        // Assert
        Assert.That((whole.Succeeded, chunk.Succeeded), Is.EqualTo((true, true)), chunk.Describe());
        Assert.That(frames.Take(3), Is.EqualTo(new[] { 14L, 44, 74 }), "the last frame before each interval's middle");
        for (var k = 0; k < plan.Count; k++)
        {
            var name = StoryboardPlan.ThumbnailFileName(k);
            Assert.That(await File.ReadAllBytesAsync(_temp.Combine("chunk", name), cancellationToken), Is.EqualTo(await File.ReadAllBytesAsync(_temp.Combine("whole", name), cancellationToken)), name);
        }
    }
}
