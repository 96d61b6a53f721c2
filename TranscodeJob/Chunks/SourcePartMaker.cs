using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// The first task's own part of a long source's job, made from the whole source it downloaded while the chunks encode:
/// <list type="bullet">
/// <item>the audio, encoded whole as a whole-source job encodes it (loudness measured, or normalised first): an AAC
/// encoder starts every encode with a priming frame and its own windowing, so audio encoded in chunks and joined would
/// click or drift at every seam; one encode has no seam, and costs a few percent of the video's CPU;</item>
/// <item>the poster, one frame at 10% sought in the source, as a whole-source job makes it.</item>
/// </list>
/// </summary>
internal sealed class SourcePartMaker(IFfmpegRunner runner, MediaProbe probe, ILogger logger)
{
    public async Task<SourcePiece> MakeAsync(ProbedSource probed, PlannedLadder plan, WorkArea area, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        PieceTrack? audio = null;
        ManifestLoudness? loudness = null;
        if (plan.Audio is not null)
        {
            (audio, loudness) = await EncodeAudioAsync(probed, plan, area, workspace, cancellationToken);
        }

        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        var poster = await new PosterMaker(runner, logger).TryMakeAsync(probed.Input, probed.Media, plan.Plans[0], null, posterPath, cancellationToken);
        if (poster)
        {
            await area.PutFileAsync(SourcePiece.Folder + ManifestPoster.FileName, posterPath, ContentTypes.For(ManifestPoster.FileName), cancellationToken);
        }

        return new SourcePiece(audio, loudness, poster ? SourcePiece.Folder + ManifestPoster.FileName : null, poster ? new FileInfo(posterPath).Length : 0);
    }

    private async Task<(PieceTrack Track, ManifestLoudness? Loudness)> EncodeAudioAsync(
        ProbedSource probed, PlannedLadder plan, WorkArea area, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var normalised = await new LoudnessStage(runner, logger).RunAsync(probed, plan, workspace, cancellationToken);
        var path = workspace.PathFor(AudioPlan.FileName);
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForAudio(probed.Input, normalised.Audio!, plan.Encoder, path), null, cancellationToken);
        EncodeFailures.ThrowIfFailed(AudioPlan.Name, result);

        // The same checks and loudness report as the whole-source encode's.
        var encoded = await new EncodedOutputs(probe).CollectAsync([], normalised.Audio, workspace, cancellationToken);
        var key = SourcePiece.Folder + AudioPlan.FileName;
        await area.PutFileAsync(key, path, ContentTypes.For(AudioPlan.FileName), cancellationToken);
        logger.LogInformation("Encoded the whole source's audio for its chunks ({Bytes} bytes)", new FileInfo(path).Length);
        return (new PieceTrack(AudioPlan.Name, key, new FileInfo(path).Length, FragmentedMp4Reader.Read(path)), encoded.AudioLoudness);
    }
}
