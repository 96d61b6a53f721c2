using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// One job from start to end: describe the source, skip if already done, download, probe, plan, encode every
/// rendition, make the poster, upload, and write the manifest last.
/// </summary>
public sealed class TranscodePipeline(
    ISourceStore source,
    IOutputStore output,
    IFfmpegRunner runner,
    PipelineOptions options,
    ILoggerFactory loggers,
    TimeProvider time)
{
    private const long DiskHeadroomBytes = 64 * 1024 * 1024;

    private readonly ILogger _logger = loggers.CreateLogger<TranscodePipeline>();
    private readonly MediaProbe _probe = new(runner);

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var jobId = options.JobId;
        SourceObject? described = null;
        try
        {
            described = await source.DescribeAsync(cancellationToken);
            jobId ??= described.DefaultJobId;
            using var scope = _logger.BeginScope("{JobId}", jobId);

            var existing = await ReadManifestAsync(cancellationToken);
            if (existing is not null && existing.Source.Fingerprint == described.Fingerprint)
            {
                _logger.LogInformation(
                    "Already done: {Location}{Manifest} exists for this source ({Fingerprint}); nothing to encode",
                    output.Location, JobManifest.FileName, described.Fingerprint);
                return new JobOutcome(jobId, output.Location, AlreadyDone: true, existing);
            }

            var manifest = await TranscodeAsync(jobId, described, replacesManifest: existing is not null, cancellationToken);
            return new JobOutcome(jobId, output.Location, AlreadyDone: false, manifest);
        }
        catch (JobException failure) when (!failure.IsRetryable)
        {
            await TryWriteFailureRecordAsync(jobId ?? "unknown", described, failure);
            throw;
        }
    }

    private async Task<JobManifest> TranscodeAsync(
        string jobId, SourceObject described, bool replacesManifest, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var workspace = JobWorkspace.Create(options.WorkDir, jobId);
        if (source.CopiesToWorkspace)
        {
            workspace.EnsureFreeSpace(described.Size + DiskHeadroomBytes, "the source");
        }

        var inputPath = await source.MaterializeAsync(described, workspace, cancellationToken);
        var media = await _probe.ProbeSourceAsync(inputPath, described.Uri, cancellationToken);
        var plans = new LadderPlanner(options.Ladder).PlanFor(media);
        _logger.LogInformation(
            "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate} fps, {Duration:0.###} s, {AudioTracks} audio track(s); renditions {Renditions}",
            described.Uri, media.Container, media.Video.Codec, media.Video.Width, media.Video.Height,
            media.Video.DisplayWidth, media.Video.DisplayHeight, media.Video.FrameRate.Value, media.Duration.TotalSeconds,
            media.AudioStreams.Count, string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")));

        workspace.EnsureFreeSpace(EstimateOutputBytes(plans, media.Duration), "the renditions");
        var encoded = await EncodeAllAsync(inputPath, media, plans, workspace, cancellationToken);

        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        await new PosterMaker(runner).MakeAsync(inputPath, media, plans[0], posterPath, cancellationToken);
        var poster = new ManifestPoster(ManifestPoster.FileName, plans[0].Width, plans[0].Height);

        // From here the folder changes: an older version's manifest goes first, so that "manifest present" keeps
        // meaning "complete" even while new files replace old ones.
        if (replacesManifest)
        {
            await output.DeleteAsync(JobManifest.FileName, cancellationToken);
        }

        await Task.WhenAll(
            encoded.Select(r => output.WriteFileAsync(r.Plan.FileName, r.Path, "video/mp4", cancellationToken))
                .Append(output.WriteFileAsync(ManifestPoster.FileName, posterPath, "image/jpeg", cancellationToken)));
        await output.DeleteAsync(FailureRecord.FileName, cancellationToken);

        var manifest = ManifestBuilder.Build(jobId, described, media, encoded, poster, time.GetUtcNow());
        var manifestPath = workspace.PathFor(JobManifest.FileName);
        await File.WriteAllTextAsync(manifestPath, JsonSerializer.Serialize(manifest, ManifestJson.Options.GetTypeInfo(typeof(JobManifest))), cancellationToken);
        await output.WriteFileAsync(JobManifest.FileName, manifestPath, "application/json", cancellationToken);

        _logger.LogInformation(
            "Done: {Count} renditions and a poster in {Location} ({Seconds:0.0} s)",
            encoded.Count, output.Location, time.GetElapsedTime(started).TotalSeconds);
        return manifest;
    }

    private async Task<IReadOnlyList<EncodedRendition>> EncodeAllAsync(
        string inputPath, SourceMedia media, IReadOnlyList<RenditionPlan> plans, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var encoder = new RenditionEncoder(runner, _probe);
        var board = new ProgressBoard(
            media.Duration, plans.Select(p => p.Name), _logger, options.Terminal, time, options.ProgressLogInterval);
        var results = new EncodedRendition[plans.Count];

        // Tallest first: the longest encode starts first, the short ones fill in around it.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, plans.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var plan = plans[index];
                var clock = Stopwatch.StartNew();
                results[index] = await encoder.EncodeAsync(
                    inputPath, media, plan, options.Ladder.Encoder, workspace.PathFor(plan.FileName), board.For(plan.Name), token);
                _logger.LogInformation(
                    "Encoded {Rendition} {Width}x{Height} at {Kbps} kbps in {Seconds:0.0} s",
                    plan.Name, plan.Width, plan.Height, results[index].BitRate / 1000, clock.Elapsed.TotalSeconds);
            });

        board.Finish();
        return results;
    }

    private async Task<JobManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var json = await output.ReadTextAsync(JobManifest.FileName, cancellationToken);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, ManifestJsonContext.Default.JobManifest);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Ignoring unreadable {Manifest} in {Location}; transcoding again", JobManifest.FileName, output.Location);
            return null;
        }
    }

    private async Task TryWriteFailureRecordAsync(string jobId, SourceObject? described, JobException failure)
    {
        try
        {
            var record = new FailureRecord(1, jobId, described?.Uri ?? "unknown", described?.Fingerprint, failure.Message, time.GetUtcNow());
            var path = Path.Combine(Path.GetTempPath(), $"failure-{Guid.NewGuid():N}.json");
            try
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(record, ManifestJson.Options.GetTypeInfo(typeof(FailureRecord))));
                // Not cancellable: this is the last word about a bad input, and it is small.
                await output.WriteFileAsync(FailureRecord.FileName, path, "application/json", CancellationToken.None);
            }
            finally
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is JobException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write {FailureRecord} to {Location}: {Error}", FailureRecord.FileName, output.Location, exception.Message);
        }
    }

    private static long EstimateOutputBytes(IReadOnlyList<RenditionPlan> plans, TimeSpan duration) =>
        DiskHeadroomBytes + (long)(plans.Sum(p => (p.VideoKbps + p.AudioKbps) * 1000.0 / 8) * duration.TotalSeconds * 1.1);
}
