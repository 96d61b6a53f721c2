using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Captions;

/// <summary>
/// A caption file sent after its video (<see cref="JobKind.AttachCaption"/>): read and checked, then attached to
/// the video's published outputs without encoding again. The video is found by its outputs, not in the upload
/// bucket, where it may have expired: each key the video may have (<see cref="CaptionFileName.VideoCandidates"/>)
/// names an output folder, and those with a manifest of that video get the caption. A broken file is bad input
/// (exit 3) and leaves the outputs as they were; a caption with no published video is too (when its video is still
/// being transcoded, that job attaches the caption files beside it).
/// </summary>
/// <param name="outputFor">The output folder of the video at a location.</param>
internal sealed class CaptionJob(
    ISourceStore source,
    Func<InputLocation, IOutputStore> outputFor,
    PipelineOptions options,
    ILoggerFactory loggers,
    TimeProvider time) : IJob
{
    private readonly ILogger _logger = loggers.CreateLogger<CaptionJob>();

    public string? JobId { get; private set; } = options.JobId;

    public long? SourceBytes { get; private set; }

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var described = await source.DescribeAsync(cancellationToken);
        JobId ??= source.Location.JobIdAt(described.Revision);
        SourceBytes = described.Size;
        using var scope = _logger.BeginScope("{JobId}", JobId);
        if (options.Revision is { } asked && asked.IsSupersededBy(described.Revision))
        {
            throw new SourceSupersededException(described.Uri, asked, described.Revision);
        }

        using var workspace = JobWorkspace.Create(options.WorkDir, JobId);
        var file = await ReadAsync(described, workspace, cancellationToken);
        JobOutcome? outcome = null;
        foreach (var (output, manifest) in await PublishedVideosAsync(file.Caption, cancellationToken))
        {
            var track = Track(file, manifest);
            var folder = new JobOutputFolder(source, output, _logger);
            var revised = await new CaptionAttacher(output, folder, time, _logger).AttachAsync(manifest, track, workspace, cancellationToken);
            outcome ??= new JobOutcome(JobId, output.Location, AlreadyDone: false, revised, TimeSpan.Zero, described.Revision) { Attached = true };
        }

        return outcome ?? throw JobException.BadInput(
            $"{described.Uri}: no published video beside it to attach it to (its video's job attaches the caption files beside the upload when it publishes)");
    }

    private async Task<CaptionFile> ReadAsync(SourceObject described, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var path = source.Location switch
        {
            S3Input s3 => s3.Key,
            LocalInput local => local.FullPath,
            _ => described.Uri,
        };
        var caption = CaptionFileName.TryParse(path) ?? throw JobException.BadInput($"{described.Uri} is not named like a caption file");
        var name = Path.GetFileName(path);
        if (described.Size > CaptionParser.MaxBytes)
        {
            return new CaptionFile(name, caption, described.Size, null);
        }

        var materialized = await source.MaterializeAsync(described, workspace, cancellationToken);
        return new CaptionFile(name, caption, described.Size, await File.ReadAllBytesAsync(materialized, cancellationToken));
    }

    // The file as a track on the video's timeline; a file that cannot be read is the upload's fault, with its line.
    private static SubtitleTrack Track(CaptionFile file, JobManifest manifest)
    {
        try
        {
            return CaptionFileTracks.From(file, TimeSpan.FromSeconds(manifest.Source.DurationSeconds));
        }
        catch (CaptionFormatException exception)
        {
            throw JobException.BadInput(exception.Message, exception);
        }
    }

    private async Task<List<(IOutputStore Output, JobManifest Manifest)>> PublishedVideosAsync(CaptionFileName caption, CancellationToken cancellationToken)
    {
        var found = new List<(IOutputStore, JobManifest)>();
        foreach (var video in Candidates(caption))
        {
            var output = outputFor(video);
            var manifest = await new JobOutputFolder(source, output, _logger).ReadManifestAsync(cancellationToken);
            if (manifest is not null && manifest.Source.Uri == video.Display)
            {
                _logger.LogInformation("Attaching {Caption} to {Video} ({Location})", source.Location.Display, video.Display, output.Location);
                found.Add((output, manifest));
            }
        }

        return found;
    }

    // The caption was parsed from its key (S3) or its full path (a local file): its video is beside it, in the same bucket or folder.
    private IEnumerable<InputLocation> Candidates(CaptionFileName caption) =>
        caption.VideoCandidates(KeyFilter.VideoSuffixes).Select(video => source.Location is S3Input s3 ? new S3Input(s3.Bucket, video) : (InputLocation)new LocalInput(video));
}
