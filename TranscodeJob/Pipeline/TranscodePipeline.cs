using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Captions;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// One job from start to end: describe the source, skip if already done, then the stages in Stages/:
/// probe, plan, encode, package, publish, commit (the manifest last). The folder's rules are <see cref="JobOutputFolder"/>'s.
/// With <paramref name="chunks"/> (a job from a queue, S3 to S3), a source longer than the split threshold is cut
/// into chunks after the plan instead, each handed to the pipeline as a job of its own (<see cref="SplitStage"/>).
/// </summary>
internal sealed class TranscodePipeline(
    ISourceStore source,
    IOutputStore output,
    IFfmpegRunner runner,
    PipelineOptions options,
    ILoggerFactory loggers,
    TimeProvider time,
    ChunkServices? chunks = null) : IJob
{
    private readonly ILogger _logger = loggers.CreateLogger<TranscodePipeline>();
    private readonly MediaProbe _probe = new(runner);
    private readonly JobOutputFolder _folder = new(source, output, loggers.CreateLogger<TranscodePipeline>());
    private readonly SplitStage? _split = chunks is null
        ? null
        : new SplitStage(source, chunks, new Assembler(source, output, chunks, runner, options, loggers.CreateLogger<Assembler>(), time), runner, loggers.CreateLogger<SplitStage>(), time);

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
            var existing = await _folder.ReadManifestAsync(cancellationToken);
            if (existing is not null && existing.Source.Fingerprint == fingerprint)
            {
                _logger.LogInformation(
                    "Already done: {Location}{Manifest} exists for this source and request ({Fingerprint}); nothing to encode",
                    output.Location, JobManifest.FileName, fingerprint);
                return new JobOutcome(jobId, output.Location, AlreadyDone: true, existing, Revision: described.Revision);
            }

            var (manifest, encodeTime, duplicateDone) = await TranscodeAsync(new JobSubject(jobId, described, request, fingerprint), cancellationToken);
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

        if (!failure.IsRetryable && !failure.ReportedElsewhere)
        {
            await FailureRecords.TryWriteAsync(output, jobId ?? "unknown", described?.Uri, described?.Revision.ToString(), failure, time.GetUtcNow(), _logger);
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

    // probe → analyse → plan → encode → measure → captions → package → publish → commit (the folder's), then the caption
    // files that came meanwhile; docs/architecture.md says where the next stages go.
    private async Task<(JobManifest Manifest, TimeSpan EncodeTime, bool DuplicateDone)> TranscodeAsync(
        JobSubject subject, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var workspace = JobWorkspace.Create(options.WorkDir, subject.JobId);
        var probed = await new ProbeStage(source, _probe, options.Limits, options.MaxSourceDuration).RunAsync(subject.Source, workspace, cancellationToken);
        var analysis = await new AnalyzeStage(runner, _logger).RunAsync(probed, subject.Request.Ladder, workspace, cancellationToken);
        var planned = new PlanStage(_logger).Run(probed, subject, analysis);
        if (_split is { } split && split.ChunksFor(probed, planned) is { Count: > 0 } ranges)
        {
            var assembled = await split.RunAsync(subject, probed, planned, ranges, workspace, cancellationToken);
            return (assembled.Manifest, assembled.EncodeTime, assembled.AlreadyDone);
        }

        PlanStage.EnsureRoom(probed, planned, subject, workspace);
        var plan = await new LoudnessStage(runner, _logger).RunAsync(probed, planned, workspace, cancellationToken);
        var encoded = await new EncodeStage(runner, _probe, options, _logger, time).RunAsync(probed, plan, subject.Source.Uri, workspace, cancellationToken);
        var quality = await new MeasureStage(runner, options.MeasureQuality, _logger).RunAsync(probed, plan, encoded, workspace, cancellationToken);
        var subtitles = await new CaptionStage(source, runner, _logger).RunAsync(probed, workspace, cancellationToken);
        var packaged = SubtitlePackaging.AddTo(
            await new PackageStage(runner, _logger).RunAsync(probed, plan, encoded.Ladder, subject.Request.Formats, workspace, cancellationToken),
            subtitles, probed.Media, workspace);

        if (await _folder.ClaimAsync(subject.Source, subject.Fingerprint, cancellationToken) is { } duplicate)
        {
            return (duplicate, encoded.Elapsed, true);
        }

        var published = await new PublishStage(output, runner).RunAsync(encoded.Ladder, packaged, subject.Request.Formats, workspace, cancellationToken);
        var manifest = Describe(subject, probed, plan, encoded, quality, packaged, published);
        await _folder.CommitAsync(subject.Source, manifest, published.Select(f => f.FileName), workspace, cancellationToken);
        manifest = await new LateCaptions(source, output, _folder, time, _logger).AttachAsync(manifest, workspace, cancellationToken);
        if (chunks is not null)
        {
            // A long earlier upload of the same key, superseded mid-way, may have left its work area behind.
            await StaleWorkAreas.RemoveAsync(chunks, subject.Source.Revision, keep: "", cancellationToken);
        }

        _logger.LogInformation(
            "Done: {Count} renditions, {Audio} audio track(s), {Files} files in {Location} ({Seconds:0.0} s)",
            encoded.Ladder.Renditions.Count, encoded.Ladder.Audio.Count, published.Count + 1, output.Location, time.GetElapsedTime(started).TotalSeconds);
        return (manifest, encoded.Elapsed, false);
    }

    // What the stages made and published, for the manifest that commits the folder.
    private JobManifest Describe(
        JobSubject subject,
        ProbedSource probed,
        PlannedLadder plan,
        EncodeResult encoded,
        IReadOnlyDictionary<string, ManifestQuality> quality,
        PackagedOutputs packaged,
        IReadOnlyList<OutputFile> published) =>
        ManifestBuilder.Build(
                subject.JobId, subject.Source, subject.Fingerprint, probed.Media, plan, encoded.Ladder, quality,
                packaged.Storyboard, packaged.Poster, published, time.GetUtcNow())
            with
            {
                Passthrough = subject.Request.Passthrough,
                Subtitles = [.. packaged.Subtitles.Select(t => SubtitleFiles.EntryOf(t, packaged.Playlists.Any(p => p.Role == OutputRoles.HlsMaster)))],
                SkippedSubtitles = packaged.SkippedSubtitles,
            };
}
