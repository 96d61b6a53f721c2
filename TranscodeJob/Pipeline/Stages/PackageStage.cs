using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Makes the files that are derived from the encoded tracks: the storyboard and its WebVTT, the poster, and the HLS
/// and DASH playlists. Derived outputs never fail a job whose renditions are good (the makers fall back instead).
/// An audio-only source gets no storyboard, and its poster is its cover art when it has one.
/// The progressive copies are not made here: they are made while the tracks upload (<see cref="PublishStage"/>).
/// </summary>
internal sealed class PackageStage(IFfmpegRunner runner, ILogger logger)
{
    public async Task<PackagedOutputs> RunAsync(
        ProbedSource probed, PlannedLadder plan, EncodedLadder encoded, StreamingFormats formats, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var playlists = WritePlaylists(encoded, formats, workspace);
        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        if (encoded.Renditions.Count == 0)
        {
            return await PackageAudioOnlyAsync(probed, posterPath, playlists, cancellationToken);
        }

        var media = probed.Media;
        // From the H.264 renditions: the cheapest to decode again.
        var h264 = encoded.Renditions.Where(r => r.Plan.Codec == VideoCodecs.H264).ToList();
        var storyboard = await new StoryboardMaker(runner, logger).MakeAsync(h264, media.Duration, workspace, cancellationToken);
        await new PosterMaker(runner, logger).MakeAsync(probed.Input, media, plan.Plans[0], encoded.Renditions[0], posterPath, cancellationToken);

        var vttPath = workspace.PathFor(StoryboardPlan.VttFileName);
        await File.WriteAllTextAsync(vttPath, StoryboardVtt.Write(storyboard.Plan, media.Duration), cancellationToken);

        var poster = new ManifestPoster(ManifestPoster.FileName, plan.Plans[0].Width, plan.Plans[0].Height);
        return new PackagedOutputs(storyboard, vttPath, posterPath, poster, playlists);
    }

    // No picture: no storyboard, and a poster only from the cover art.
    private async Task<PackagedOutputs> PackageAudioOnlyAsync(
        ProbedSource probed, string posterPath, IReadOnlyList<OutputFile> playlists, CancellationToken cancellationToken)
    {
        if (probed.Media.CoverArt is not { } cover
            || await new PosterMaker(runner, logger).MakeFromCoverArtAsync(probed.Input, cover, posterPath, cancellationToken) is not { } size)
        {
            return new PackagedOutputs(null, null, null, null, playlists);
        }

        return new PackagedOutputs(null, null, posterPath, new ManifestPoster(ManifestPoster.FileName, size.Width, size.Height), playlists);
    }

    private static IReadOnlyList<OutputFile> WritePlaylists(EncodedLadder encoded, StreamingFormats formats, JobWorkspace workspace)
    {
        var streaming = StreamingOf(formats);
        if (streaming == StreamingFormats.None)
        {
            return [];
        }

        var tracks = encoded.Renditions
            .Select(r => new CmafTrack(r.Plan.Name, r.Plan.TrackFileName, r.Path, TrackKind.Video, r.Width, r.Height, r.Plan.FrameRate, null))
            .Concat(encoded.Audio.Select(a => new CmafTrack(a.Plan.Name, a.Plan.FileName, a.Path, TrackKind.Audio, 0, 0, null, a.Plan.Facts)))
            .ToList();
        return StreamingPackager.Write(tracks, streaming, workspace.Root);
    }

    /// <summary>The streaming formats among those asked for (the CMAF tracks and playlists are theirs).</summary>
    public static StreamingFormats StreamingOf(StreamingFormats formats) => formats & (StreamingFormats.Hls | StreamingFormats.Dash);
}
