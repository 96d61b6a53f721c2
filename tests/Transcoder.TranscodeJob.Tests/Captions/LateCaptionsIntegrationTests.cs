using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Tests.Support;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Tests.Captions;

/// <summary>
/// A caption file that lands beside the upload while the video's job publishes (after the job read the caption files,
/// before its manifest existed for the caption's own job to find) is attached by the video's job all the same.
/// </summary>
[Category("Integration")]
public sealed class LateCaptionsIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_CaptionUploadedWhileTheJobPublishes_AttachedAfterTheCommit(CancellationToken cancellationToken)
    {
        // Arrange: the real store, with the caption file written just after the job has read the ones beside the clip.
        Directory.CreateDirectory(_temp.Combine("in"));
        var clip = _temp.Combine("in", "clip.mp4");
        File.Copy(await Clips.Landscape(), clip);
        var source = new CaptionArrivesAfterTheRead(new LocalSourceStore(new LocalInput(clip)), _temp.Combine("in", "clip.nl.vtt"));
        var pipeline = new TranscodePipeline(
            source, new LocalOutputStore(_temp.Combine("out")), new FfmpegRunner(FfmpegPaths.Default, TimeSpan.FromSeconds(5)),
            new PipelineOptions(null, LocalJob.SmallLadder, _temp.Combine("work"), 2), NullLoggerFactory.Instance, TimeProvider.System);

        // Act
        var outcome = await pipeline.RunAsync(cancellationToken);

        // Assert
        Assert.That(outcome.Manifest.Subtitles.Select(s => (s.File, s.SourceFile)), Is.EqualTo(new[] { ("caption-nl.vtt", (string?)"clip.nl.vtt") }));
        Assert.That(File.Exists(_temp.Combine("out", "caption-nl.vtt")), Is.True);
        Assert.That(await File.ReadAllTextAsync(_temp.Combine("out", "master.m3u8"), cancellationToken), Does.Contain("URI=\"caption-nl.m3u8\""));
        Assert.That(await File.ReadAllTextAsync(_temp.Combine("out", JobManifest.FileName), cancellationToken), Does.Contain("\"caption-nl.vtt\""));
    }

    // The job's source, whose first read of the caption files finds none and is followed at once by an upload of one.
    private sealed class CaptionArrivesAfterTheRead(ISourceStore inner, string captionPath) : ISourceStore
    {
        private bool _read;

        public InputLocation Location => inner.Location;

        public bool CopiesToWorkspace => inner.CopiesToWorkspace;

        public Task<SourceObject> DescribeAsync(CancellationToken cancellationToken) => inner.DescribeAsync(cancellationToken);

        public Task<string> MaterializeAsync(SourceObject source, JobWorkspace workspace, CancellationToken cancellationToken) =>
            inner.MaterializeAsync(source, workspace, cancellationToken);

        public async Task<IReadOnlyList<CaptionFile>> ReadCaptionFilesAsync(int limit, long maxBytes, CancellationToken cancellationToken)
        {
            var files = await inner.ReadCaptionFilesAsync(limit, maxBytes, cancellationToken);
            if (!_read)
            {
                _read = true;
                await File.WriteAllTextAsync(captionPath, "WEBVTT\n\n00:00.100 --> 00:00.900\nHallo\n", cancellationToken);
            }

            return files;
        }
    }
}
