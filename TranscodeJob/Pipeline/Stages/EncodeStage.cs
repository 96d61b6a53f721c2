using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Encodes the planned ladder into the workspace (one ffmpeg, or one per rendition) and checks what it wrote. With a
/// deadline, an encode whose measured speed cannot make it is refused as soon as that is known.
/// </summary>
internal sealed class EncodeStage(IFfmpegRunner runner, MediaProbe probe, PipelineOptions options, ILogger logger, TimeProvider time)
{
    public async Task<EncodeResult> RunAsync(ProbedSource probed, PlannedLadder plan, string sourceUri, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var audio = plan.Audio.Kept;
        var board = new ProgressBoard(probed.Media.Duration, LadderJob.ProgressNames(plan.Plans, audio), logger, options.Terminal, time, options.ProgressLogInterval);
        var job = new LadderJob(probed.Input, probed.Media, plan.Plans, audio, plan.Encoder, workspace, board);
        var encoded = await EncodeWithinDeadlineAsync(job, sourceUri, cancellationToken);
        return new EncodeResult(encoded, time.GetElapsedTime(started));
    }

    private async Task<EncodedLadder> EncodeWithinDeadlineAsync(LadderJob job, string source, CancellationToken cancellationToken)
    {
        if (options.EncodeDeadline is not { } deadline)
        {
            return await EncodeAsync(job, cancellationToken);
        }

        using var watch = new EncodeDeadlineWatch(deadline, () => job.Board.Done, job.Source.Duration, source, time, cancellationToken);
        try
        {
            return await EncodeAsync(job, watch.Token);
        }
        catch (OperationCanceledException) when (watch.Refusal is { } refusal)
        {
            throw refusal;
        }
    }

    private async Task<EncodedLadder> EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var clock = time.GetTimestamp();
        ILadderEncoder encoder = options.EncodeMode == EncodeMode.Single
            ? new LadderEncoder(runner)
            : new PerRenditionEncoder(runner, options.Parallelism, logger);
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
