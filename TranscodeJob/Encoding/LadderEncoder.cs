using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The default: one ffmpeg process decodes the source once and encodes every rung and every audio track.
/// Decoding a 2160p source once instead of once per rung is most of the saving (README, "Performance").
/// With <paramref name="chunk"/>, the same for one chunk of a long source: its time range of every rung, no audio
/// (<see cref="FfmpegArguments.ForLadderChunk"/>).
/// </summary>
internal sealed class LadderEncoder(IFfmpegRunner runner, ChunkRange? chunk = null) : ILadderEncoder
{
    public async Task EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var plans = job.Plans;
        IReadOnlyList<string> outputs = [.. plans.Select(p => job.Workspace.PathFor(p.TrackFileName))];
        var audio = chunk is null ? job.Audio : [];
        // The quality windows' pictures are the whole source's: a chunk keeps none, and neither does a ladder of no picture.
        var reference = chunk is null && plans.Count > 0 ? job.Reference : null;
        var arguments = chunk is null
            ? FfmpegArguments.ForLadder(job.Input, job.VideoStreamIndex, plans, job.Encoder, outputs, audio, [.. audio.Select(a => job.Workspace.PathFor(a.FileName))], reference)
            : FfmpegArguments.ForLadderChunk(job.Input, job.VideoStreamIndex ?? throw new ArgumentException("a chunk is of a video", nameof(job)), plans, job.Encoder, outputs, chunk);

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

        EncodeFailures.ThrowIfFailed(LadderFailure.Name(result, FfmpegArguments.LadderOutputNames(plans, audio, keepsReference: reference is not null)), result);
    }
}
