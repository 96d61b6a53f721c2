using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Encodes the planned ladder into the workspace (one ffmpeg, or one per rendition) and checks what it wrote. With a
/// deadline, an encode whose measured speed cannot make it is refused as soon as that is known. Given a chunk of a long
/// source, it encodes that chunk's frames of every rung (no audio), and its progress and deadline are the chunk's.
/// </summary>
internal sealed class EncodeStage(IFfmpegRunner runner, MediaProbe probe, PipelineOptions options, ILogger logger, TimeProvider time)
{
    public Task<EncodeResult> RunAsync(ProbedSource probed, PlannedLadder plan, string sourceUri, JobWorkspace workspace, CancellationToken cancellationToken) =>
        RunAsync(probed.Input, probed.Media.Video?.Index, probed.Media.Duration, plan, null, sourceUri, workspace, cancellationToken, ReferenceToKeep(probed.Media, plan, workspace));

    /// <summary>
    /// The quality windows' pictures the single pass keeps for the measurement (<see cref="KeptReference"/>): when the
    /// job measures, the one decode is this process's, and they fit <see cref="RawReference"/>'s budget; else none, and
    /// the measurement decodes the source's windows itself.
    /// </summary>
    private KeptReference? ReferenceToKeep(SourceMedia media, PlannedLadder plan, JobWorkspace workspace)
    {
        if (!options.MeasureQuality || options.EncodeMode != EncodeMode.Single || plan.Plans.Count == 0 || plan.Reference is not { } top || media.Video is null)
        {
            return null;
        }

        var rate = plan.Plans[0].FrameRate;
        var windows = QualitySampling.For(media.Duration, rate, plan.Encoder.GopSeconds, media.Packets?.Keyframes);
        var kept = new KeptReference(workspace.PathFor("quality-reference.nut"), top with { FrameRate = rate }, windows);
        return RawReference.Fits(RawReference.BytesFor(kept.Reference, kept.Frames), workspace) ? kept : null;
    }

    /// <summary>One chunk of a long source: its frames of every rung, without the audio.</summary>
    public Task<EncodeResult> RunChunkAsync(
        SourceInput input, int videoStreamIndex, PlannedLadder plan, ChunkRange chunk, string sourceUri, JobWorkspace workspace, CancellationToken cancellationToken) =>
        RunAsync(
            input, videoStreamIndex, plan.Grid.TimeOf(chunk.Frames), plan with { Audio = AudioTracks.None },
            chunk, sourceUri, workspace, cancellationToken);

    private async Task<EncodeResult> RunAsync(
        SourceInput input, int? videoStreamIndex, TimeSpan duration, PlannedLadder plan, ChunkRange? chunk, string sourceUri, JobWorkspace workspace, CancellationToken cancellationToken,
        KeptReference? reference = null)
    {
        var started = time.GetTimestamp();
        var audio = plan.Audio.Kept;
        var board = new ProgressBoard(duration, LadderJob.ProgressNames(plan.Plans, audio), logger, options.Terminal, time, options.ProgressLogInterval);
        var job = new LadderJob(input, videoStreamIndex, plan.Plans, audio, plan.Encoder, workspace, board) { Reference = reference };
        ILadderEncoder encoder = chunk is not null || options.EncodeMode == EncodeMode.Single
            ? new LadderEncoder(runner, chunk)
            : new PerRenditionEncoder(runner, options.Parallelism, logger);
        var encoded = await EncodeWithinDeadlineAsync(job, encoder, duration, sourceUri, cancellationToken);
        return new EncodeResult(encoded, time.GetElapsedTime(started)) { Reference = reference is not null && File.Exists(reference.Path) ? reference : null };
    }

    private async Task<EncodedLadder> EncodeWithinDeadlineAsync(
        LadderJob job, ILadderEncoder encoder, TimeSpan duration, string source, CancellationToken cancellationToken)
    {
        if (options.EncodeDeadline is not { } deadline)
        {
            return await EncodeAsync(job, encoder, cancellationToken);
        }

        using var watch = new EncodeDeadlineWatch(deadline, () => job.Board.Done, duration, source, time, cancellationToken);
        try
        {
            return await EncodeAsync(job, encoder, watch.Token);
        }
        catch (OperationCanceledException) when (watch.Refusal is { } refusal)
        {
            throw refusal;
        }
    }

    private async Task<EncodedLadder> EncodeAsync(LadderJob job, ILadderEncoder encoder, CancellationToken cancellationToken)
    {
        var clock = time.GetTimestamp();
        await encoder.EncodeAsync(job, cancellationToken);
        job.Board.Finish();

        var encoded = await new EncodedOutputs(probe).CollectAsync(job.Plans, job.Audio, job.Workspace, cancellationToken);
        foreach (var rendition in encoded.Renditions)
        {
            logger.LogInformation(
                "Encoded {Rendition} {Width}x{Height} at {Kbps} kbps",
                rendition.Plan.Name, rendition.Width, rendition.Height, rendition.BitRate / 1000);
        }

        foreach (var audio in encoded.Audio)
        {
            logger.LogInformation(
                "Encoded {Audio} ({Label}): {Lufs} LUFS", audio.Plan.Name, audio.Plan.Facts.Label, audio.Loudness?.IntegratedLufs);
        }

        logger.LogInformation(
            "Encoded the ladder ({Mode}) in {Seconds:0.0} s", options.EncodeMode, time.GetElapsedTime(clock).TotalSeconds);
        return encoded;
    }
}
