using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// Turns the source's text subtitle streams into tracks: one ffmpeg reads the source once and writes each stream as
/// WebVTT (styling dropped), then the cues are placed on the outputs' timeline. A stream that cannot be read is
/// skipped with ffmpeg's reason; it never fails the job.
/// </summary>
internal sealed class SubtitleExtractor(IFfmpegRunner runner, ILogger logger)
{
    public async Task<MadeSubtitles> ExtractAsync(
        ProbedSource probed, IReadOnlyList<SubtitleStreamInfo> streams, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        if (streams.Count == 0)
        {
            return MadeSubtitles.None;
        }

        var outputs = streams.Select(s => (s.Index, workspace.PathFor($"stream-{s.Index}.extracted.vtt"))).ToList();
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForSubtitleExtraction(probed.Input, outputs), null, cancellationToken);
        try
        {
            if (!result.Succeeded)
            {
                var failure = EncodeFailures.From("the subtitle streams", result);
                if (failure.IsRetryable)
                {
                    throw failure;
                }

                logger.LogWarning("Subtitle streams not converted: {Reason}", failure.Message);
                return new MadeSubtitles([], [.. streams.Select(s => Skip(s, failure.Message))]);
            }

            var made = MadeSubtitles.None;
            foreach (var (stream, path) in streams.Zip(outputs.Select(o => o.Item2)))
            {
                made = made.Add(Read(stream, path, probed.Media));
            }

            return made;
        }
        finally
        {
            outputs.ForEach(o => File.Delete(o.Item2));
        }
    }

    private static MadeSubtitles Read(SubtitleStreamInfo stream, string path, SourceMedia media)
    {
        IReadOnlyList<Cue> cues;
        try
        {
            cues = CaptionParser.Parse(File.ReadAllBytes(path), CaptionFormat.WebVtt, $"stream {stream.Index}", requireOrder: false);
        }
        catch (Exception exception) when (exception is CaptionFormatException or IOException)
        {
            return new MadeSubtitles([], [Skip(stream, exception.Message)]);
        }

        var placed = CueTimeline.Place(cues, CueTimeline.OutputsZero(media), media.Duration);
        if (placed.Count == 0)
        {
            return new MadeSubtitles([], [Skip(stream, "no cue falls within the picture and sound")]);
        }

        var track = new SubtitleTrack(
            $"subtitles-{stream.Index}", LanguageTag.Normalize(stream.Language), stream.Title, stream.IsForced, stream.IsHearingImpaired,
            SubtitleOrigins.Stream, stream.Index, null, placed);
        return new MadeSubtitles([track], []);
    }

    public static ManifestSkippedSubtitle Skip(SubtitleStreamInfo stream, string reason) =>
        new(SubtitleOrigins.Stream, stream.Index, null, stream.Codec, LanguageTag.Normalize(stream.Language), reason);
}
