using Microsoft.Extensions.Logging;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// CEA-608 captions carried in an H.264 or HEVC video's SEI messages (ATSC A/53), as broadcast recordings have them:
/// found by decoding the video's first packets (unless the file's bytes show there are none, <see cref="CaptionSignature"/>),
/// then extracted whole (channel CC1) to a WebVTT track. The renditions
/// do not carry them on (the encoder is told not to), so the WebVTT track is the one way players get them, and every
/// variant says <c>CLOSED-CAPTIONS=NONE</c>. Extraction decodes the video once more; it runs only when captions were
/// found. A failure skips the captions; it never fails the job.
/// </summary>
internal sealed class ClosedCaptionExtractor(IFfmpegRunner runner, ILogger logger)
{
    public const string TrackId = "cc1";

    // ffprobe's name for the frame side data of A/53 captions.
    private const string SideData = "ATSC A53 Part 4 Closed Captions";

    public async Task<MadeSubtitles> ExtractAsync(ProbedSource probed, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var media = probed.Media;
        var demuxer = RemoteSource.DemuxerOf(media.Container);
        // An audio-only source has no video to carry captions.
        if (media.Video is not { } video
            || video.Codec is not ("h264" or "hevc")
            || !FfmpegArguments.AllowedDemuxers.Split(',').Contains(demuxer)
            || !CaptionSignature.MayCarry(probed.Input, demuxer)
            || !await CarriesCaptionsAsync(probed, video.Index, cancellationToken))
        {
            return MadeSubtitles.None;
        }

        var path = workspace.PathFor(TrackId + ".extracted.vtt");
        try
        {
            var result = await runner.RunAsync(
                FfmpegTool.Ffmpeg, FfmpegArguments.ForClosedCaptionExtraction(probed.Input, demuxer, video.Index, path), null, cancellationToken);
            if (!result.Succeeded)
            {
                var failure = EncodeFailures.From("the CEA-608 captions", result);
                logger.LogWarning("CEA-608 captions not extracted: {Reason}", failure.Message);
                return failure.IsRetryable ? throw failure : Skipped(video.Index, failure.Message);
            }

            var cues = CueTimeline.Place(
                CaptionParser.Parse(File.ReadAllBytes(path), CaptionFormat.WebVtt, "the CEA-608 captions", requireOrder: false),
                CueTimeline.OutputsZero(media),
                media.Duration);
            return cues.Count == 0
                ? Skipped(video.Index, "the CEA-608 data carries no caption text within the picture and sound")
                : new MadeSubtitles([new SubtitleTrack(TrackId, null, null, false, true, SubtitleOrigins.ClosedCaptions, video.Index, null, cues)], []);
        }
        catch (CaptionFormatException exception)
        {
            return Skipped(video.Index, exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<bool> CarriesCaptionsAsync(ProbedSource probed, int videoIndex, CancellationToken cancellationToken)
    {
        var found = false;
        var result = await runner.RunAsync(
            FfmpegTool.Ffprobe,
            FfmpegArguments.ForClosedCaptionProbe(probed.Input, videoIndex),
            line => found |= line.Contains(SideData, StringComparison.Ordinal),
            cancellationToken);
        return result.Succeeded && found;
    }

    private static MadeSubtitles Skipped(int videoIndex, string reason) =>
        new([], [new ManifestSkippedSubtitle(SubtitleOrigins.ClosedCaptions, videoIndex, null, "eia_608", null, reason)]);
}
