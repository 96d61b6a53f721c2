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
internal sealed class PublishStage(IOutputStore output, IFfmpegRunner runner, int parallelism)
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

            if (encoded.AudioPath is not null)
            {
                publisher.Publish(encoded.AudioPath, OutputRoles.CmafAudio);
            }
        }

        foreach (var sheet in packaged.Storyboard.Sheets)
        {
            publisher.Publish(sheet, OutputRoles.StoryboardSheet);
        }

        publisher.Publish(packaged.StoryboardVttPath, OutputRoles.StoryboardVtt);
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

        publisher.Publish(packaged.PosterPath, OutputRoles.Poster);
        await publisher.CompleteAsync();
        return publisher.Files;
    }

    private async Task MakeProgressiveCopiesAsync(EncodedLadder encoded, Publisher publisher, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var maker = new ProgressiveMaker(runner);
        await Parallel.ForEachAsync(
            encoded.Renditions,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (rendition, token) =>
            {
                var path = await maker.MakeAsync(rendition, encoded.AudioPath, workspace.PathFor(rendition.Plan.FileName), token);
                publisher.Publish(path, OutputRoles.Progressive);
            });
    }
}
