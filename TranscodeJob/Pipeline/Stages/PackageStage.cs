using Microsoft.Extensions.Logging;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Makes the files that are derived from the encoded tracks: the storyboard and its WebVTT, the poster, and the HLS
/// and DASH playlists. Derived outputs never fail a job whose renditions are good (the makers fall back instead).
/// The progressive copies are not made here: they are made while the tracks upload (<see cref="PublishStage"/>).
/// </summary>
internal sealed class PackageStage(IFfmpegRunner runner, ILogger logger)
{
    public async Task<PackagedOutputs> RunAsync(
        ProbedSource probed, PlannedLadder plan, EncodedLadder encoded, StreamingFormats formats, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var media = probed.Media;
        // From the H.264 renditions: the cheapest to decode again.
        var h264 = encoded.Renditions.Where(r => r.Plan.Codec == VideoCodecs.H264).ToList();
        var storyboard = await new StoryboardMaker(runner, logger).MakeAsync(h264, media.Duration, workspace, cancellationToken);
        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        await new PosterMaker(runner, logger).MakeAsync(probed.Input, media, plan.Plans[0], encoded.Renditions[0], posterPath, cancellationToken);

        var vttPath = workspace.PathFor(StoryboardPlan.VttFileName);
        await File.WriteAllTextAsync(vttPath, StoryboardVtt.Write(storyboard.Plan, media.Duration), cancellationToken);

        var poster = new ManifestPoster(ManifestPoster.FileName, plan.Plans[0].Width, plan.Plans[0].Height);
        return new PackagedOutputs(storyboard, vttPath, posterPath, poster, WritePlaylists(plan.Audio, encoded, formats, workspace));
    }

    private static IReadOnlyList<OutputFile> WritePlaylists(AudioPlan? audio, EncodedLadder encoded, StreamingFormats formats, JobWorkspace workspace)
    {
        var streaming = StreamingOf(formats);
        if (streaming == StreamingFormats.None)
        {
            return [];
        }

        var tracks = encoded.Renditions
            .Select(r => new CmafTrack(r.Plan.Name, r.Plan.TrackFileName, r.Path, TrackKind.Video, r.Width, r.Height, r.Plan.FrameRate, null))
            .Concat(audio is null || encoded.AudioPath is null
                ? []
                : [new CmafTrack(AudioPlan.Name, AudioPlan.FileName, encoded.AudioPath, TrackKind.Audio, 0, 0, null, audio.Track.Language)])
            .ToList();
        return StreamingPackager.Write(tracks, streaming, workspace.Root);
    }

    /// <summary>The streaming formats among those asked for (the CMAF tracks and playlists are theirs).</summary>
    public static StreamingFormats StreamingOf(StreamingFormats formats) => formats & (StreamingFormats.Hls | StreamingFormats.Dash);
}
