using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Uploads every output into the folder, the progressive copies made while the tracks upload, and waits for all of
/// them. Only after <see cref="JobOutputFolder.ClaimAsync"/>: the folder is this upload's to change.
/// </summary>
/// <remarks>The order of publishing is the order of the manifest's files.</remarks>
internal sealed class PublishStage(IOutputStore output, IFfmpegRunner runner)
{
    public async Task<IReadOnlyList<OutputFile>> RunAsync(
        EncodedLadder encoded, PackagedOutputs packaged, StreamingFormats formats, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        await using var publisher = new Publisher(output, cancellationToken);
        if (PackageStage.StreamingOf(formats) != StreamingFormats.None)
        {
            foreach (var rendition in encoded.Renditions)
            {
                publisher.Publish(rendition.Path, OutputRoles.CmafVideo);
            }

            foreach (var audio in encoded.Audio)
            {
                publisher.Publish(audio.Path, OutputRoles.CmafAudio);
            }
        }

        if (packaged.Storyboard is { } storyboard && packaged.StoryboardVttPath is { } vtt)
        {
            foreach (var sheet in storyboard.Sheets)
            {
                publisher.Publish(sheet, OutputRoles.StoryboardSheet);
            }

            publisher.Publish(vtt, OutputRoles.StoryboardVtt);
        }

        foreach (var subtitle in packaged.Subtitles)
        {
            publisher.Publish(subtitle.VttPath, OutputRoles.Subtitles);
        }

        foreach (var playlist in packaged.Playlists)
        {
            publisher.Publish(playlist);
        }

        if (formats.HasFlag(StreamingFormats.Mp4))
        {
            await MakeProgressiveCopiesAsync(encoded, publisher, workspace, cancellationToken);
        }

        if (packaged.PosterPath is { } poster)
        {
            publisher.Publish(poster, OutputRoles.Poster);
        }

        await publisher.CompleteAsync();
        return publisher.Files;
    }

    // One MP4 per video rendition with the default audio; an audio-only source's M4A of its default audio.
    private async Task MakeProgressiveCopiesAsync(EncodedLadder encoded, Publisher publisher, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var maker = new ProgressiveMaker(runner);
        var audio = encoded.DefaultAudio?.Path;
        if (encoded.Renditions.Count == 0)
        {
            if (audio is not null)
            {
                publisher.Publish(await maker.MakeAsync(null, audio, workspace.PathFor(ProgressiveMaker.AudioFileName), cancellationToken), OutputRoles.ProgressiveAudio);
            }

            return;
        }

        // H.264 only: a progressive MP4 is for what plays anything, and every player decodes H.264.
        var copies = encoded.Renditions
            .Where(r => r.Plan.Codec == VideoCodecs.H264)
            .Select(r => new ProgressiveCopy(r.Path, workspace.PathFor(r.Plan.FileName)))
            .ToList();
        foreach (var path in await maker.MakeAsync(copies, audio, cancellationToken))
        {
            publisher.Publish(path, OutputRoles.Progressive);
        }
    }
}
