using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Captions;

/// <summary>
/// Caption files uploaded beside the video while its job published: after the read of the caption files (after the
/// encode) and before the manifest, their own caption jobs found no published video. The video's job looks once more
/// once its manifest is written and attaches them as a caption job would, so a caption is never lost between the two.
/// </summary>
internal sealed class LateCaptions(ISourceStore source, IOutputStore output, JobOutputFolder folder, TimeProvider time, ILogger logger)
{
    public async Task<JobManifest> AttachAsync(JobManifest manifest, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var known = manifest.Subtitles.Select(s => s.SourceFile).Concat(manifest.SkippedSubtitles.Select(s => s.SourceFile)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var file in await source.ReadCaptionFilesAsync(SubtitleSet.MaxTracks, CaptionParser.MaxBytes, cancellationToken))
        {
            if (known.Contains(file.Name))
            {
                continue;
            }

            try
            {
                var track = CaptionFileTracks.From(file, TimeSpan.FromSeconds(manifest.Source.DurationSeconds));
                manifest = await new CaptionAttacher(output, folder, time, logger).AttachAsync(manifest, track, workspace, cancellationToken);
            }
            catch (CaptionFormatException exception)
            {
                // Its own caption job reports it; the video's outputs stay as they are.
                logger.LogWarning("Caption file uploaded during the job not attached: {Reason}", exception.Message);
            }
        }

        return manifest;
    }
}
