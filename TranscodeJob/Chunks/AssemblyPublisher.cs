using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Publishes a long source's outputs from its parts, into the folder the assembler claimed, in the order and with the
/// names a whole-source job publishes: the CMAF tracks (stitched in S3, never passing through this task), the
/// storyboard, the playlists, the progressive MP4s and the poster. Every file it publishes is in <see cref="Files"/>.
/// </summary>
internal sealed class AssemblyPublisher(
    ChunkServices services, IOutputStore output, WorkArea area, SplitPlan plan, AssemblyParts parts, IFfmpegRunner runner, JobWorkspace workspace, ILogger logger)
{
    private readonly List<ManifestFile> _files = [];

    /// <summary>Every file published so far, in publishing order, with its size.</summary>
    public IReadOnlyList<ManifestFile> Files => _files;

    /// <summary>The video tracks, best first, and the audio tracks, with their indexes; published when HLS or DASH is asked for.</summary>
    public async Task<(IReadOnlyList<IndexedTrack> Videos, IReadOnlyList<IndexedTrack> Audio)> PublishTracksAsync(CancellationToken cancellationToken)
    {
        var streaming = PackageStage.StreamingOf(plan.Deliverables) != StreamingFormats.None;
        var composer = new TrackComposer(services.S3, services.Output.Bucket);
        var videos = new List<IndexedTrack>();
        foreach (var rendition in plan.Renditions)
        {
            var tracks = parts.TracksOf(rendition.Name);
            var size = Stitching.Size(tracks);
            if (streaming)
            {
                await composer.ComposeAsync(services.OutputKey(rendition.TrackFileName), ContentTypes.For(rendition.TrackFileName), Stitching.Ranges(tracks, area.KeyOf), cancellationToken);
                Add(rendition.TrackFileName, OutputRoles.CmafVideo, size);
            }

            videos.Add(new IndexedTrack(
                new CmafTrack(rendition.Name, rendition.TrackFileName, rendition.TrackFileName, TrackKind.Video, rendition.Width, rendition.Height, rendition.FrameRate, null),
                Stitching.Index(tracks)));
        }

        var audio = new List<IndexedTrack>();
        foreach (var (track, piece) in plan.Audio.Kept.Zip(parts.Source.Audio))
        {
            if (streaming)
            {
                await CopyAsync(piece.Key, track.FileName, cancellationToken);
                Add(track.FileName, OutputRoles.CmafAudio, piece.Size);
            }

            audio.Add(new IndexedTrack(new CmafTrack(track.Name, track.FileName, track.FileName, TrackKind.Audio, 0, 0, null, track.Facts), piece.Index));
        }

        return (videos, audio);
    }

    /// <summary>The sheets and the WebVTT, tiled from the thumbnails each chunk made of its own frames.</summary>
    public async Task<MadeStoryboard> PublishStoryboardAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in parts.Chunks)
        {
            foreach (var number in chunk.Thumbnails)
            {
                var name = StoryboardPlan.ThumbnailFileName(number);
                await area.DownloadAsync(ChunkPiece.FolderOf(chunk.Index) + name, workspace.PathFor(name), cancellationToken);
            }
        }

        var count = Enumerable.Range(0, plan.Storyboard.Count).TakeWhile(i => File.Exists(workspace.PathFor(StoryboardPlan.ThumbnailFileName(i)))).Count();
        var storyboard = plan.Storyboard.WithCount(count);
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg, FfmpegArguments.ForSheets(workspace.PathFor(StoryboardPlan.ThumbnailPattern), storyboard, workspace.PathFor(StoryboardPlan.SheetPattern)), null, cancellationToken);
        EncodeFailures.ThrowIfFailed("the storyboard's sheets", result);
        var sheets = Enumerable.Range(0, storyboard.Sheets).Select(i => workspace.PathFor(StoryboardPlan.SheetFileName(i))).ToList();
        foreach (var sheet in sheets)
        {
            await PublishAsync(sheet, OutputRoles.StoryboardSheet, cancellationToken);
        }

        var vtt = workspace.PathFor(StoryboardPlan.VttFileName);
        await File.WriteAllTextAsync(vtt, StoryboardVtt.Write(storyboard, plan.Duration), cancellationToken);
        await PublishAsync(vtt, OutputRoles.StoryboardVtt, cancellationToken);
        return new MadeStoryboard(storyboard, sheets);
    }

    /// <summary>
    /// The subtitle tracks' WebVTT files, then the playlists with them (the master's SUBTITLES group, the MPD's text
    /// sets; <see cref="SubtitlePackaging"/>), in the order a whole-source job publishes them.
    /// </summary>
    public async Task<PackagedOutputs> PublishPlaylistsAsync(IReadOnlyList<IndexedTrack> videos, IReadOnlyList<IndexedTrack> audio, CancellationToken cancellationToken)
    {
        var streaming = PackageStage.StreamingOf(plan.Deliverables);
        var playlists = streaming == StreamingFormats.None ? [] : StreamingPackager.Write(videos, audio, streaming, workspace.Root);
        var packaged = SubtitlePackaging.AddTo(
            new PackagedOutputs(null, null, null, null, playlists), parts.Source.Subtitles, plan.Duration, parts.Source.MainAudioLanguage, workspace);
        foreach (var subtitle in packaged.Subtitles)
        {
            await PublishAsync(subtitle.VttPath, OutputRoles.Subtitles, cancellationToken);
        }

        foreach (var playlist in packaged.Playlists)
        {
            await output.WriteFileAsync(playlist.FileName, playlist.LocalPath, playlist.ContentType, cancellationToken);
            Add(playlist.FileName, playlist.Role, new FileInfo(playlist.LocalPath).Length);
        }

        return packaged;
    }

    /// <summary>
    /// The progressive MP4s, when asked for: the one output made here from whole tracks, so each rendition's chunks
    /// (and the default audio track, which a progressive file carries) are downloaded and joined in the workspace, one
    /// rendition at a time to bound the disk it needs.
    /// </summary>
    public async Task PublishProgressiveAsync(CancellationToken cancellationToken)
    {
        if (!plan.Deliverables.HasFlag(StreamingFormats.Mp4))
        {
            return;
        }

        string? audioPath = null;
        if (plan.Audio.Default is { } audio)
        {
            audioPath = workspace.PathFor(audio.FileName);
            await area.DownloadAsync(parts.Source.Audio.Single(a => a.Name == audio.Name).Key, audioPath, cancellationToken);
        }

        // Of the H.264 renditions only, as a whole-source job makes them: every player of a progressive file plays H.264.
        foreach (var rendition in plan.Renditions.Where(r => r.Codec == VideoCodecs.H264))
        {
            var tracks = parts.TracksOf(rendition.Name);
            var trackPath = await JoinLocallyAsync(tracks, workspace.PathFor(rendition.TrackFileName), cancellationToken);
            var mp4 = await new ProgressiveMaker(runner).MakeAsync(trackPath, audioPath, workspace.PathFor(rendition.FileName), cancellationToken);
            await PublishAsync(mp4, OutputRoles.Progressive, cancellationToken);
            File.Delete(trackPath);
            File.Delete(mp4);
        }
    }

    public async Task<ManifestPoster> PublishPosterAsync(CancellationToken cancellationToken)
    {
        var top = plan.Renditions[0];
        if (parts.Source.PosterKey is { } key)
        {
            await CopyAsync(key, ManifestPoster.FileName, cancellationToken);
            Add(ManifestPoster.FileName, OutputRoles.Poster, parts.Source.PosterSize);
        }
        else
        {
            // The source gave no frame where the poster is taken: the first frame of the top rendition, as a whole-source job falls back to.
            var first = workspace.PathFor("poster-source.cmfv");
            await area.DownloadAsync(parts.TracksOf(top.Name)[0].Key, first, cancellationToken);
            var path = workspace.PathFor(ManifestPoster.FileName);
            var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForPosterFromTrack(first, path), null, cancellationToken);
            EncodeFailures.ThrowIfFailed("the poster", result);
            logger.LogWarning("Poster from the first frame of {Rendition}: the source gave none", top.Name);
            await PublishAsync(path, OutputRoles.Poster, cancellationToken);
        }

        return new ManifestPoster(ManifestPoster.FileName, top.Width, top.Height);
    }

    private async Task<string> JoinLocallyAsync(IReadOnlyList<PieceTrack> tracks, string path, CancellationToken cancellationToken)
    {
        workspace.EnsureFreeSpace(2 * Stitching.Size(tracks) + (64L << 20), $"the progressive copy of {Path.GetFileName(path)}");
        await using var joined = File.Create(path);
        foreach (var (track, range) in tracks.Zip(Stitching.Ranges(tracks, key => key)))
        {
            var part = workspace.PathFor("chunk-part.cmfv");
            await area.DownloadAsync(track.Key, part, cancellationToken);
            await using (var input = File.OpenRead(part))
            {
                input.Position = range.First;
                await input.CopyToAsync(joined, cancellationToken);
            }

            File.Delete(part);
        }

        return path;
    }

    private async Task CopyAsync(string workKey, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            await services.S3.CopyObjectAsync(
                new CopyObjectRequest
                {
                    SourceBucket = area.Bucket, SourceKey = area.KeyOf(workKey),
                    DestinationBucket = services.Output.Bucket, DestinationKey = services.OutputKey(fileName),
                    ContentType = ContentTypes.For(fileName), MetadataDirective = S3MetadataDirective.REPLACE,
                },
                cancellationToken);
        }
        catch (Exception exception) when (S3Failures.Classify(exception, output.Location + fileName, missingIsBadInput: false) is { } failure)
        {
            throw failure;
        }
    }

    private async Task PublishAsync(string localPath, string role, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(localPath);
        await output.WriteFileAsync(name, localPath, ContentTypes.For(name), cancellationToken);
        Add(name, role, new FileInfo(localPath).Length);
    }

    private void Add(string name, string role, long size) => _files.Add(new ManifestFile(name, role, ContentTypes.For(name), size));
}
