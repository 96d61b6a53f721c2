using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.LocalAws;
using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Manifest;

/// <summary>
/// What the real job writes meets the committed schemas (docs/schemas/): the bundled sample through the README's
/// first command, a source without audio in one format (the nulls), a refused input, and the events of both. The
/// events on the results queue and the webhook are checked in CompletionEventsIntegrationTests.
/// </summary>
[Category("Integration")]
public sealed class OutputSchemaIntegrationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_BundledSample_ManifestMeetsItsSchema(CancellationToken cancellationToken)
    {
        // Act: the README's first command.
        await using var process = await JobProcess.RunAsync(
            ["--input", Path.Combine(RepoPaths.Samples, "sample-1080p.mp4"), "--output", _temp.Combine("out")], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), process.Stderr);
        var manifest = await File.ReadAllTextAsync(Path.Combine(Directory.GetDirectories(_temp.Combine("out")).Single(), JobManifest.FileName), cancellationToken);
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, manifest), Is.Empty, manifest);
        var renditions = JsonSerializer.Deserialize(manifest, ManifestJsonContext.Default.JobManifest)!.Renditions;
        Assert.That(renditions.Select(r => r.Quality), Has.None.Null, "the sample's quality, every rendition");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RunAsync_NoAudioHlsOnly_ManifestAndDoneEventMeetTheirSchemas(CancellationToken cancellationToken)
    {
        // Arrange: no audio rendition, no DASH, no progressive MP4, no quality measured: the manifest's nulls.
        var clip = await Clips.NoAudio();
        var pipeline = LocalJob.Create(clip, _temp, options: o => o with { Formats = StreamingFormats.Hls, MeasureQuality = false });

        // Act
        var outcome = await pipeline.RunAsync(cancellationToken);
        var body = await EventBodyAsync(new JobEnd(ExitCodes.Success, outcome.JobId, outcome, null, null, pipeline.SourceBytes), clip);

        // Assert
        var manifest = await File.ReadAllTextAsync(_temp.Combine("out", JobManifest.FileName), cancellationToken);
        Assert.That((outcome.Manifest.Audio, outcome.Manifest.Dash), Is.EqualTo(((ManifestAudioRendition?)null, (string?)null)));
        Assert.That(outcome.Manifest.Renditions.Select(r => r.Quality), Has.All.Null);
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, manifest), Is.Empty, manifest);
        Assert.That(OutputSchemas.Problems(OutputSchemas.JobEventFile, body), Is.Empty, body);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_TextFile_FailureAndFailedEventMeetTheirSchemas(CancellationToken cancellationToken)
    {
        // Arrange
        var input = await Clips.TextFile();
        var pipeline = LocalJob.Create(input, _temp);

        // Act
        var failure = await Assert.ThrowsAsync<Errors.JobException>(() => pipeline.RunAsync(cancellationToken));
        var body = await EventBodyAsync(new JobEnd(ExitCodes.BadInput, pipeline.JobId!, null, null, failure!.Message, pipeline.SourceBytes), input);

        // Assert
        var record = await File.ReadAllTextAsync(_temp.Combine("out", FailureRecord.FileName), cancellationToken);
        Assert.That(OutputSchemas.Problems(OutputSchemas.FailureFile, record), Is.Empty, record);
        Assert.That(OutputSchemas.Problems(OutputSchemas.JobEventFile, body), Is.Empty, body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("type").GetString(), Is.EqualTo(JobEvent.Failed));
    }

    // The body the job would send for this end, through the publisher every destination gets it from.
    private async Task<string> EventBodyAsync(JobEnd end, string source)
    {
        var spec = new JobSpec { Source = new LocalInput(source), Output = new LocalOutput(_temp.Combine("out")) };
        var jobEvent = JobEvents.For(end, spec, DateTimeOffset.UtcNow) ?? throw new InvalidOperationException("no event for a final end");
        var recorder = new RecordingSender();
        await new EventPublisher([recorder], NullLogger.Instance, TimeProvider.System).PublishAsync(jobEvent);
        return recorder.Bodies.Single();
    }

    private sealed class RecordingSender : IEventSender
    {
        public List<string> Bodies { get; } = [];

        public string Name => "recorder";

        public Task SendAsync(JobEvent jobEvent, string body, CancellationToken cancellationToken)
        {
            Bodies.Add(body);
            return Task.CompletedTask;
        }
    }
}
