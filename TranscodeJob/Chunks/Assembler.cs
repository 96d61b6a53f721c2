using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Finishes a long source's job once every part is in (run by the one part <see cref="AssemblyElection"/> chose): the
/// outputs a whole-source job makes, published through the folder's rules (<see cref="JobOutputFolder"/>: claimed,
/// then committed with the manifest last), then the work area removed, so that nothing is left but the folder.
/// Quality is not measured for a long source (its renditions were never whole on one machine): <c>quality</c> is null.
/// </summary>
internal sealed class Assembler(
    ISourceStore source, IOutputStore output, ChunkServices services, IFfmpegRunner runner, PipelineOptions options, ILogger logger, TimeProvider time)
{
    public async Task<JobOutcome> RunAsync(SplitPlan plan, WorkArea area, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var described = await source.DescribeAsync(cancellationToken);
        if (plan.UploadRevision.IsSupersededBy(described.Revision))
        {
            throw new SourceSupersededException(described.Uri, plan.UploadRevision, described.Revision);
        }

        var parts = await AssemblyParts.ReadAsync(area, plan, cancellationToken);
        using var workspace = JobWorkspace.Create(options.WorkDir, plan.JobId);
        var folder = new JobOutputFolder(source, output, logger);
        if (await folder.ClaimAsync(described, plan.Fingerprint, cancellationToken) is { } duplicate)
        {
            await area.DeleteAllAsync(cancellationToken);
            return new JobOutcome(plan.JobId, output.Location, AlreadyDone: true, duplicate, Revision: described.Revision);
        }

        var publisher = new AssemblyPublisher(services, output, area, plan, parts, runner, workspace, logger);
        var (videos, audio) = await publisher.PublishTracksAsync(cancellationToken);
        var storyboard = await publisher.PublishStoryboardAsync(cancellationToken);
        var packaged = await publisher.PublishPlaylistsAsync(videos, audio, cancellationToken);
        await publisher.PublishProgressiveAsync(cancellationToken);
        var poster = await publisher.PublishPosterAsync(cancellationToken);

        var manifest = ManifestBuilder.Build(
                plan.JobId, plan.Source, plan.Ladder, EncodedOf(plan, videos, parts), new Dictionary<string, ManifestQuality>(),
                storyboard, poster, publisher.Files, time.GetUtcNow())
            with
            {
                Passthrough = plan.Passthrough,
                Subtitles = [.. packaged.Subtitles.Select(t => SubtitleFiles.EntryOf(t, packaged.Playlists.Any(p => p.Role == OutputRoles.HlsMaster)))],
                SkippedSubtitles = packaged.SkippedSubtitles,
            };
        await folder.CommitAsync(described, manifest, publisher.Files.Select(f => f.File), workspace, cancellationToken);
        manifest = await new LateCaptions(source, output, folder, time, logger).AttachAsync(manifest, workspace, cancellationToken);
        await area.DeleteAllAsync(cancellationToken);
        await StaleWorkAreas.RemoveAsync(services, described.Revision, plan.PlanId, cancellationToken);

        var elapsed = time.GetUtcNow() - plan.CreatedAt;
        logger.LogInformation(
            "Done: {Chunks} chunks stitched into {Count} renditions, {Files} files in {Location}, assembled in {AssemblySeconds:0.0} s ({Seconds:0.0} s since the source was cut)",
            plan.Chunks.Count, plan.Renditions.Count, publisher.Files.Count + 1, output.Location, time.GetElapsedTime(started).TotalSeconds, elapsed.TotalSeconds);
        return new JobOutcome(plan.JobId, output.Location, AlreadyDone: false, manifest, elapsed, described.Revision);
    }

    // What the manifest says of each rendition and audio track, from the stitched tracks' indexes (the whole video
    // tracks are never here).
    private static EncodedLadder EncodedOf(SplitPlan plan, IReadOnlyList<IndexedTrack> videos, AssemblyParts parts) =>
        new(
            [.. plan.Renditions.Zip(videos, (rendition, video) =>
            {
                var size = Stitching.Size(parts.TracksOf(rendition.Name));
                var duration = TimeSpan.FromSeconds(video.Index.DurationSeconds);
                return new EncodedRendition(rendition, rendition.TrackFileName, rendition.Width, rendition.Height, duration, size, (long)Math.Round(size * 8 / duration.TotalSeconds))
                {
                    PeakBitRate = (long)Math.Ceiling(VariantBitrate.PeakOf(video.Index)),
                };
            })],
            [.. plan.Audio.Kept.Select((audio, i) => new EncodedAudio(audio, parts.Source.Audio[i].Key, parts.Source.Audio[i].Size, parts.Source.Loudness[i]))]);
}
