using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Pipeline.Stages;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// The first task's own part of a long source's job, made from the whole source it downloaded while the chunks encode:
/// <list type="bullet">
/// <item>every audio track, encoded whole as a whole-source job encodes it (loudness measured, or normalised first): an AAC
/// encoder starts every encode with a priming frame and its own windowing, so audio encoded in chunks and joined would
/// click or drift at every seam; one encode has no seam, and costs a few percent of the video's CPU;</item>
/// <item>the poster, one frame at 10% sought in the source, as a whole-source job makes it;</item>
/// <item>the subtitle tracks (<see cref="CaptionStage"/>: the source's text streams, its CEA-608 captions, the caption
/// files beside it), which need the whole source; the assembly writes and packages them.</item>
/// </list>
/// </summary>
internal sealed class SourcePartMaker(ISourceStore source, IFfmpegRunner runner, MediaProbe probe, ILogger logger)
{
    public async Task<SourcePiece> MakeAsync(ProbedSource probed, PlannedLadder plan, WorkArea area, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var encoded = await EncodeAudioAsync(probed, plan, workspace, cancellationToken);
        var tracks = new List<PieceTrack>(encoded.Count);
        foreach (var audio in encoded)
        {
            var key = SourcePiece.Folder + audio.Plan.FileName;
            await area.PutFileAsync(key, audio.Path, ContentTypes.For(audio.Plan.FileName), cancellationToken);
            tracks.Add(new PieceTrack(audio.Plan.Name, key, audio.Size, FragmentedMp4Reader.Read(audio.Path)));
        }

        var posterPath = workspace.PathFor(ManifestPoster.FileName);
        var poster = await new PosterMaker(runner, logger).TryMakeAsync(probed.Input, probed.Media, plan.Plans[0], null, posterPath, cancellationToken);
        if (poster)
        {
            await area.PutFileAsync(SourcePiece.Folder + ManifestPoster.FileName, posterPath, ContentTypes.For(ManifestPoster.FileName), cancellationToken);
        }

        var subtitles = await new CaptionStage(source, runner, logger).RunAsync(probed, workspace, cancellationToken);
        return new SourcePiece(tracks, [.. encoded.Select(a => a.Loudness)], poster ? SourcePiece.Folder + ManifestPoster.FileName : null, poster ? new FileInfo(posterPath).Length : 0)
        {
            Subtitles = subtitles,
            MainAudioLanguage = probed.Media.MainAudio?.Language,
        };
    }

    // Every kept track in one process (each decoded once from its own stream), as the whole-source encode makes them.
    private async Task<IReadOnlyList<EncodedAudio>> EncodeAudioAsync(ProbedSource probed, PlannedLadder plan, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        if (plan.Audio.Kept.Count == 0)
        {
            return [];
        }

        var normalised = (await new LoudnessStage(runner, logger).RunAsync(probed, plan, workspace, cancellationToken)).Audio.Kept;
        var paths = normalised.Select(a => workspace.PathFor(a.FileName)).ToList();
        var result = await runner.RunAsync(FfmpegTool.Ffmpeg, FfmpegArguments.ForLadder(probed.Input, null, [], plan.Encoder, [], normalised, paths), null, cancellationToken);
        EncodeFailures.ThrowIfFailed(LadderFailure.Name(result, FfmpegArguments.LadderOutputNames([], normalised)), result);

        // The same checks and loudness reports as the whole-source encode's.
        var encoded = await new EncodedOutputs(probe).CollectAsync([], normalised, workspace, cancellationToken);
        logger.LogInformation("Encoded the whole source's {Count} audio track(s) for its chunks ({Bytes} bytes)", encoded.Audio.Count, encoded.Audio.Sum(a => a.Size));
        return encoded.Audio;
    }
}
