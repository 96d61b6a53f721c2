using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// One chunk's part: its time range of every rung encoded from its part of the source (read over HTTP range requests,
/// <see cref="RemoteSource"/>), put in place on the whole timeline, its share of the storyboard's thumbnails, all put
/// in the work area. The audio and the poster are the first task's (<see cref="SourcePartMaker"/>).
/// </summary>
internal sealed partial class ChunkStage(ChunkServices services, IFfmpegRunner runner, PipelineOptions options, ILogger logger, TimeProvider time)
{
    /// <summary>How long the presigned read of the source is valid: SQS's visibility ceiling, past which no chunk runs.</summary>
    private static readonly TimeSpan ReadValidity = Shared.Jobs.JobLease.VisibilityCeiling;

    public async Task<ChunkPiece> RunAsync(
        SplitPlan plan, ChunkRange range, SourceObject described, WorkArea area, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var input = new SourceInput(described.Uri, plan.MaxPixelsPerFrame)
        {
            LeadIn = plan.LeadIn,
            SeekKeyframes = plan.SeekKeyframes,
            Remote = new RemoteSource(new Uri(await PresignAsync(described)), plan.Demuxer, described.VersionId is null ? described.ETag : null),
        };
        var stage = new EncodeStage(runner, new MediaProbe(runner), options, logger, time);
        EncodeResult encoded;
        try
        {
            encoded = await stage.RunChunkAsync(input, plan.VideoStreamIndex, plan.Ladder, range, described.Uri, workspace, cancellationToken);
        }
        catch (JobException failure) when (!failure.IsRetryable && IsReadFailure(failure))
        {
            // The network, S3 or an expired URL, not the source: the chunk is retried alone.
            throw JobException.Transient($"reading {described.Uri} over HTTP failed: {failure.Message}", failure, failure.Detail);
        }

        var placed = ChunkPlacement.Place(encoded.Ladder, range, plan.Grid);
        var thumbnails = await MakeThumbnailsAsync(plan, range, placed, workspace, cancellationToken);
        var folder = ChunkPiece.FolderOf(range.Index);
        var tracks = new List<PieceTrack>(placed.Count);
        foreach (var track in placed)
        {
            var key = folder + Path.GetFileName(track.Path);
            await area.PutFileAsync(key, track.Path, ContentTypes.For(track.Path), cancellationToken);
            tracks.Add(new PieceTrack(track.Name, key, new FileInfo(track.Path).Length, track.Index));
        }

        foreach (var number in thumbnails)
        {
            var name = StoryboardPlan.ThumbnailFileName(number);
            await area.PutFileAsync(folder + name, workspace.PathFor(name), "image/png", cancellationToken);
        }

        return new ChunkPiece(range.Index, tracks, thumbnails, Math.Round(encoded.Elapsed.TotalSeconds, 3));
    }

    /// <summary>The storyboard's thumbnails whose frames are this chunk's, from its track of the rendition the whole storyboard uses.</summary>
    private async Task<IReadOnlyList<int>> MakeThumbnailsAsync(
        SplitPlan plan, ChunkRange range, IReadOnlyList<PlacedTrack> placed, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var storyboard = plan.Storyboard;
        var rate = plan.Renditions[0].FrameRate;
        var numbers = Enumerable.Range(0, storyboard.Count).Where(k => range.Holds(storyboard.FrameOf(k, rate, plan.Frames))).ToList();
        if (numbers.Count == 0)
        {
            return [];
        }

        // From the H.264 renditions, as a whole-source job takes them: the cheapest to decode again.
        var h264 = placed.Where((_, i) => plan.Renditions[i].Codec == VideoCodecs.H264).ToList();
        var track = h264[storyboard.SourceOf([.. plan.Renditions.Where(r => r.Codec == VideoCodecs.H264).Select(r => (r.Width, r.Height))])];
        var frames = numbers.Select(k => storyboard.FrameOf(k, rate, plan.Frames) - range.FirstFrame).ToList();
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForChunkThumbnails(track.Path, storyboard, frames, numbers[0], workspace.PathFor(StoryboardPlan.ThumbnailPattern)), null, cancellationToken);
        EncodeFailures.ThrowIfFailed("the chunk's thumbnails", result);
        if (numbers.FirstOrDefault(k => !File.Exists(workspace.PathFor(StoryboardPlan.ThumbnailFileName(k))), -1) is var missing and >= 0)
        {
            // The track was encoded and read a moment ago: a frame it lacks is the job's own fault.
            throw new InvalidOperationException($"no thumbnail {missing} from frame {storyboard.FrameOf(missing, rate, plan.Frames)} of {Path.GetFileName(track.Path)}");
        }

        return numbers;
    }

    private Task<string> PresignAsync(SourceObject described) =>
        services.S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = services.Source.Bucket,
            Key = services.Source.Key,
            VersionId = described.VersionId,
            Verb = HttpVerb.GET,
            Expires = time.GetUtcNow().UtcDateTime + ReadValidity,
            // The SDK writes https:// unless told otherwise; an emulator on loopback speaks http.
            Protocol = services.S3.Config.ServiceURL is { } service && service.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        });

    private static bool IsReadFailure(JobException failure) => ReadFailure().IsMatch($"{failure.Message}\n{failure.Detail}");

    // What ffmpeg's http, tls and tcp protocols say when the transfer, not the media, failed.
    [GeneratedRegex(@"HTTP error|Server returned|Connection (refused|reset|timed out)|timed out|Network is unreachable|Input/output error|TLS|Failed to resolve", RegexOptions.IgnoreCase)]
    private static partial Regex ReadFailure();
}
