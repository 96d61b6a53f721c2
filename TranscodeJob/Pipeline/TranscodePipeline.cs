using System.Text.Json;
using Transcoder.Shared.Jobs;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// One job from start to end: describe the source, skip if already done, download, probe, plan, encode every
/// rendition, make the poster, upload, and write the manifest last.
/// </summary>
internal sealed class TranscodePipeline(
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

    /// <summary>The job's id once known (given, or derived when the source was described): for the events of a failed job.</summary>
    public string? JobId { get; private set; } = options.JobId;

    /// <summary>The source's size once described.</summary>
    public long? SourceBytes { get; private set; }

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var jobId = options.JobId;
        SourceObject? described = null;
        try
        {
            described = await source.DescribeAsync(cancellationToken);
            jobId ??= source.Location.JobIdAt(described.Revision);
            JobId = jobId;
            SourceBytes = described.Size;
            using var scope = _logger.BeginScope("{JobId}", jobId);
            ThrowIfSuperseded(described);

            var request = RunRequest.For(options, described.UploadOptions, described.Uri);
            var fingerprint = ManifestFingerprint.For(described.Revision, request.Ladder, request.Formats);
            var existing = await ReadManifestAsync(cancellationToken);
            if (existing is not null && existing.Source.Fingerprint == fingerprint)
            {
                _logger.LogInformation(
                    "Already done: {Location}{Manifest} exists for this source and request ({Fingerprint}); nothing to encode",
                    output.Location, JobManifest.FileName, fingerprint);
                return new JobOutcome(jobId, output.Location, AlreadyDone: true, existing, Revision: described.Revision);
            }

            var (manifest, encodeTime, duplicateDone) = await TranscodeAsync(jobId, described, request, fingerprint, cancellationToken);
            return new JobOutcome(jobId, output.Location, AlreadyDone: duplicateDone, manifest, encodeTime, described.Revision);
        }
        catch (JobException failure) when (failure.IsOutOfResources && described is not null)
        {
            var weighed = await new ResourceFailureMemo(output).WeighAsync(failure, described.Revision, options.WorkDir);
            await ReportAsync(jobId, described, weighed);
            throw weighed;
        }
        catch (JobException failure) when (!failure.IsRetryable)
        {
            await ReportAsync(jobId, described, failure);
            throw;
        }
    }

    private async Task ReportAsync(string? jobId, SourceObject? described, JobException failure)
    {
        if (failure.Detail is { } detail)
        {
            _logger.LogWarning("What ffmpeg said: {Detail}", detail);
        }

        if (!failure.IsRetryable)
        {
            await TryWriteFailureRecordAsync(jobId ?? "unknown", described, failure);
        }
    }

    // The dispatcher passes the revision the upload event named. A later upload of the same key has its own event and
    // job: this one must not publish the older content over it, nor answer "already done" for it.
    private void ThrowIfSuperseded(SourceObject current)
    {
        if (options.Revision is { } asked && asked.IsSupersededBy(current.Revision))
        {
            throw new SourceSupersededException(current.Uri, asked, current.Revision);
        }
    }

    private async Task<(JobManifest Manifest, TimeSpan EncodeTime, bool DuplicateDone)> TranscodeAsync(
        string jobId, SourceObject described, RunRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var workspace = JobWorkspace.Create(options.WorkDir, jobId);
        if (source.CopiesToWorkspace)
        {
            workspace.EnsureFreeSpace(described.Size + DiskHeadroomBytes, "the source");
        }

        var input = new SourceInput(await source.MaterializeAsync(described, workspace, cancellationToken), options.Limits.MaxPixelsPerFrame);
        var media = await _probe.ProbeSourceAsync(input, described.Uri, cancellationToken);
        SourceBounds.Check(media, options.Limits, options.MaxSourceDuration, described.Uri);
        input = input with { LeadIn = media.LeadIn };

        var plans = new LadderPlanner(request.Ladder).PlanFor(media);
        var audio = AudioPlan.For(plans);
        _logger.LogInformation(
            "Source {Source}: {Container}, {Codec} {Width}x{Height} shown as {DisplayWidth}x{DisplayHeight}, {FrameRate:0.###} fps, {Duration:0.###} s, {AudioTracks} audio track(s); renditions {Renditions} at {PlannedRate} fps",
            described.Uri, media.Container, media.Video.Codec, media.Video.Width, media.Video.Height,
            media.Video.DisplayWidth, media.Video.DisplayHeight, media.Video.FrameRate.Value, media.Duration.TotalSeconds,
            media.AudioStreams.Count, string.Join(", ", plans.Select(p => $"{p.Name} {p.Width}x{p.Height}")), plans[0].FrameRate);

        workspace.EnsureFreeSpace(EstimateOutputBytes(plans, media.Duration, request.Formats), "the renditions");
        var encodeStarted = time.GetTimestamp();
        var board = new ProgressBoard(media.Duration, plans.Select(p => p.Name), _logger, options.Terminal, time, options.ProgressLogInterval);
        var ladderJob = new LadderJob(input, media, plans, audio, request.Ladder.Encoder, workspace, board);
        var encoded = await EncodeWithinDeadlineAsync(ladderJob, described.Uri, cancellationToken);
        var encodeTime = time.GetElapsedTime(encodeStarted);
        var quality = await new QualityMeasurer(runner, _logger).MeasureAsync(
            options.MeasureQuality, input, media, encoded, request.Ladder.Encoder.GopSeconds, workspace, cancellationToken);

        // Derived from the finished renditions, never failing a job whose renditions are good.
        var storyboard = await new StoryboardMaker(runner, _logger).MakeAsync(encoded.Renditions, media.Duration, workspace, cancellationToken);
        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        await new PosterMaker(runner, _logger).MakeAsync(input, media, plans[0], encoded.Renditions[0], posterPath, cancellationToken);

        // From here the folder changes, so what may have happened during the encode is checked first. A later upload:
        // its own job publishes, this one stops. A duplicate job of the same upload and request (a redelivered
        // message) that finished meanwhile: nothing to add. Any other manifest (an older upload's, another request's)
        // goes first, so that "manifest present" keeps meaning "complete" while new files replace old ones.
        await ThrowIfReplacedAsync(described, cancellationToken);
        var current = await ReadManifestAsync(cancellationToken);
        if (current?.Source.Fingerprint == fingerprint)
        {
            _logger.LogInformation("Already done by a duplicate job while this one encoded ({Fingerprint}); publishing nothing", fingerprint);
            return (current, encodeTime, true);
        }

        if (current is not null)
        {
            await output.DeleteAsync(JobManifest.FileName, cancellationToken);
        }

        await using var publisher = new Publisher(output, cancellationToken);
        var streaming = request.Formats & (StreamingFormats.Hls | StreamingFormats.Dash);
        if (streaming != StreamingFormats.None)
        {
            foreach (var rendition in encoded.Renditions)
            {
                publisher.Publish(rendition.Path, OutputRoles.CmafVideo);
            }

            if (encoded.AudioPath is not null)
            {
                publisher.Publish(encoded.AudioPath, OutputRoles.CmafAudio);
            }
        }

        foreach (var sheet in storyboard.Sheets)
        {
            publisher.Publish(sheet, OutputRoles.StoryboardSheet);
        }

        var vttPath = workspace.PathFor(StoryboardPlan.VttFileName);
        await File.WriteAllTextAsync(vttPath, StoryboardVtt.Write(storyboard.Plan, media.Duration), cancellationToken);
        publisher.Publish(vttPath, OutputRoles.StoryboardVtt);

        if (streaming != StreamingFormats.None)
        {
            var tracks = encoded.Renditions
                .Select(r => new CmafTrack(r.Plan.Name, r.Plan.TrackFileName, r.Path, TrackKind.Video, r.Width, r.Height, r.Plan.FrameRate, null))
                .Concat(audio is null || encoded.AudioPath is null
                    ? []
                    : [new CmafTrack(AudioPlan.Name, AudioPlan.FileName, encoded.AudioPath, TrackKind.Audio, 0, 0, null, audio.Track.Language)])
                .ToList();
            foreach (var playlist in StreamingPackager.Write(tracks, streaming, workspace.Root))
            {
                publisher.Publish(playlist);
            }
        }

        if (request.Formats.HasFlag(StreamingFormats.Mp4))
        {
            var maker = new ProgressiveMaker(runner);
            await Parallel.ForEachAsync(
                encoded.Renditions,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (rendition, token) =>
                {
                    var path = await maker.MakeAsync(rendition, encoded.AudioPath, workspace.PathFor(rendition.Plan.FileName), token);
                    publisher.Publish(path, OutputRoles.Progressive);
                });
        }

        var poster = new ManifestPoster(ManifestPoster.FileName, plans[0].Width, plans[0].Height);
        publisher.Publish(posterPath, OutputRoles.Poster);

        await publisher.CompleteAsync();
        await output.DeleteAsync(FailureRecord.FileName, cancellationToken);
        await RemoveStaleFilesAsync(publisher.Files, cancellationToken);

        // The manifest makes the folder this upload's: not if a later upload arrived while the files went up.
        await ThrowIfReplacedAsync(described, cancellationToken);

        var manifest = ManifestBuilder.Build(jobId, described, fingerprint, media, encoded, quality, audio, storyboard, poster, publisher.Files, time.GetUtcNow())
            with { Passthrough = request.Passthrough };
        var manifestPath = workspace.PathFor(JobManifest.FileName);
        await File.WriteAllTextAsync(manifestPath, ManifestJson.Write(manifest), cancellationToken);
        await output.WriteFileAsync(JobManifest.FileName, manifestPath, ContentTypes.For(JobManifest.FileName), cancellationToken);

        _logger.LogInformation(
            "Done: {Count} renditions, {Files} files in {Location} ({Seconds:0.0} s)",
            encoded.Renditions.Count, publisher.Files.Count + 1, output.Location, time.GetElapsedTime(started).TotalSeconds);
        return (manifest, encodeTime, false);
    }

    private async Task ThrowIfReplacedAsync(SourceObject described, CancellationToken cancellationToken)
    {
        var now = await source.DescribeAsync(cancellationToken);
        if (described.Revision.IsSupersededBy(now.Revision))
        {
            throw new SourceSupersededException(described.Uri, described.Revision, now.Revision);
        }
    }

    // What an earlier upload or request left that this one does not make (a 1080p rung the new source is too small
    // for, an mp4 no longer asked for, a longer storyboard's last sheet) would otherwise stay beside the new manifest.
    private async Task RemoveStaleFilesAsync(IReadOnlyList<OutputFile> published, CancellationToken cancellationToken)
    {
        var keep = published.Select(f => f.FileName).Append(JobManifest.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await output.ListAsync(cancellationToken)).Where(name => !keep.Contains(name)))
        {
            await output.DeleteAsync(stale, cancellationToken);
            _logger.LogInformation("Removed {File}: an earlier upload's, not made for this one", stale);
        }
    }

    private async Task<EncodedLadder> EncodeWithinDeadlineAsync(LadderJob job, string source, CancellationToken cancellationToken)
    {
        if (options.EncodeDeadline is not { } deadline)
        {
            return await EncodeAsync(job, cancellationToken);
        }

        using var watch = new EncodeDeadlineWatch(deadline, () => job.Board.Done, job.Source.Duration, source, time, cancellationToken);
        try
        {
            return await EncodeAsync(job, watch.Token);
        }
        catch (OperationCanceledException) when (watch.Refusal is { } refusal)
        {
            throw refusal;
        }
    }

    private async Task<EncodedLadder> EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var clock = time.GetTimestamp();
        ILadderEncoder encoder = options.EncodeMode == EncodeMode.Single
            ? new LadderEncoder(runner)
            : new PerRenditionEncoder(runner, options.Parallelism, _logger);
        await encoder.EncodeAsync(job, cancellationToken);
        job.Board.Finish();

        var encoded = await new EncodedOutputs(_probe).CollectAsync(job.Plans, job.Audio, job.Workspace, cancellationToken);
        foreach (var rendition in encoded.Renditions)
        {
            _logger.LogInformation(
                "Encoded {Rendition} {Width}x{Height} at {Kbps} kbps",
                rendition.Plan.Name, rendition.Width, rendition.Height, rendition.BitRate / 1000);
        }

        _logger.LogInformation(
            "Encoded the ladder ({Mode}) in {Seconds:0.0} s", options.EncodeMode, time.GetElapsedTime(clock).TotalSeconds);
        return encoded;
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
            var record = new FailureRecord(FailureRecord.CurrentSchemaVersion, jobId, described?.Uri ?? "unknown", described?.Revision.ToString(), failure.Message, time.GetUtcNow(), failure.Detail);
            var path = Path.Combine(Path.GetTempPath(), $"failure-{Guid.NewGuid():N}.json");
            try
            {
                await File.WriteAllTextAsync(path, ManifestJson.Write(record));
                // Not cancellable: this is the last word about a bad input, and it is small.
                await output.WriteFileAsync(FailureRecord.FileName, path, ContentTypes.For(FailureRecord.FileName), CancellationToken.None);
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

    // The caps bound the tracks; the progressive copies hold the same bytes again.
    private static long EstimateOutputBytes(IReadOnlyList<RenditionPlan> plans, TimeSpan duration, StreamingFormats formats) =>
        DiskHeadroomBytes + (long)(plans.Sum(p => (p.VideoKbps + p.AudioKbps) * 1000.0 / 8) * duration.TotalSeconds * 1.1
                                   * (formats.HasFlag(StreamingFormats.Mp4) ? 2 : 1));
}
