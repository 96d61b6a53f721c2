using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Subtitles;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Makes the subtitle tracks, in this order, up to <see cref="SubtitleSet.MaxTracks"/>: the source's text subtitle
/// streams, the CEA-608 captions in its video, the caption files uploaded beside it. Bitmap subtitles, broken files
/// and tracks over the limit are listed as skipped, with why; nothing here fails the job. Runs after the encode: the
/// caption extraction decodes the video again, which the encode has then decoded under the pixel limit.
/// </summary>
internal sealed class CaptionStage(ISourceStore source, IFfmpegRunner runner, ILogger logger)
{
    public async Task<MadeSubtitles> RunAsync(ProbedSource probed, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var media = probed.Media;
        var text = media.SubtitleStreams.Where(s => SubtitleCodecs.WhyNot(s.Codec) is null).ToList();
        var notText = new MadeSubtitles([], [.. media.SubtitleStreams
            .Where(s => SubtitleCodecs.WhyNot(s.Codec) is not null)
            .Select(s => SubtitleExtractor.Skip(s, SubtitleCodecs.WhyNot(s.Codec)!))]);

        // No more streams than the limit are read: the rest would be skipped anyway.
        var fromStreams = await new SubtitleExtractor(runner, logger).ExtractAsync(probed, [.. text.Take(SubtitleSet.MaxTracks)], workspace, cancellationToken);
        var overStreams = new MadeSubtitles([], [.. text.Skip(SubtitleSet.MaxTracks)
            .Select(s => SubtitleExtractor.Skip(s, $"over the limit of {SubtitleSet.MaxTracks} subtitle tracks"))]);
        var fromVideo = await new ClosedCaptionExtractor(runner, logger).ExtractAsync(probed, workspace, cancellationToken);
        var files = await source.ReadCaptionFilesAsync(SubtitleSet.MaxTracks, CaptionParser.MaxBytes, cancellationToken);
        var fromFiles = CaptionFileTracks.From(files, media.Duration);

        var made = fromStreams.Add(fromVideo).Add(fromFiles).WithinLimit();
        made = made with { Skipped = [.. notText.Skipped, .. overStreams.Skipped, .. made.Skipped] };
        foreach (var skipped in made.Skipped)
        {
            logger.LogInformation("Subtitles not delivered ({Origin} {What}): {Reason}", skipped.Origin, skipped.SourceFile ?? $"stream {skipped.SourceStream}", skipped.Reason);
        }

        if (made.Tracks.Count > 0)
        {
            logger.LogInformation("Subtitle tracks: {Tracks}", string.Join(", ", made.Tracks.Select(t => $"{t.Id} ({t.Language ?? "und"}, {t.Cues.Count} cues)")));
        }

        return made;
    }
}
