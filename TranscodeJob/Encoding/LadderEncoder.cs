using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The default: one ffmpeg process decodes the source once and encodes every rung and every audio track.
/// Decoding a 2160p source once instead of once per rung is most of the saving (README, "Performance").
/// </summary>
internal sealed class LadderEncoder(IFfmpegRunner runner) : ILadderEncoder
{
    public async Task EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var plans = job.Plans;
        var arguments = FfmpegArguments.ForLadder(
            job.Input,
            job.Source.Video?.Index,
            plans,
            job.Encoder,
            [.. plans.Select(p => job.Workspace.PathFor(p.TrackFileName))],
            job.Audio,
            [.. job.Audio.Select(a => job.Workspace.PathFor(a.FileName))]);

        // Every output advances with the one decoder: the same position is every rung's progress.
        var progress = LadderJob.ProgressNames(plans, job.Audio).Select(job.Board.For).ToList();
        var parser = new FfmpegProgress();
        var result = await runner.RunAsync(
            FfmpegTool.Ffmpeg,
            arguments,
            line =>
            {
                if (parser.Push(line) is { } encoded)
                {
                    progress.ForEach(p => p.Report(encoded));
                }
            },
            cancellationToken);

        EncodeFailures.ThrowIfFailed(LadderFailure.Name(result, FfmpegArguments.LadderOutputNames(plans, job.Audio)), result);
    }
}
