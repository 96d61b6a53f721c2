using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The original shape, kept as an option: one ffmpeg process per rung (several at once), then one per audio track.
/// Each decodes the source again, so it costs more CPU; it isolates a rung that fails.
/// </summary>
internal sealed class PerRenditionEncoder(IFfmpegRunner runner, int parallelism, ILogger logger) : ILadderEncoder
{
    public async Task EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var followed = LadderJob.ProgressNames(job.Plans, job.Audio).ToHashSet();
        IProgress<TimeSpan>? ProgressOf(string name) => followed.Contains(name) ? job.Board.For(name) : null;
        List<(string Name, IReadOnlyList<string> Arguments, IProgress<TimeSpan>? Progress)> work =
        [
            .. job.Plans.Select(plan => (plan.Name, FfmpegArguments.ForRendition(
                job.Input, job.VideoStreamIndex!.Value, plan, job.Encoder, job.Workspace.PathFor(plan.TrackFileName)), ProgressOf(plan.Name))),
            .. job.Audio.Select(audio => (audio.Name, FfmpegArguments.ForAudio(
                job.Input, audio, job.Encoder, job.Workspace.PathFor(audio.FileName)), ProgressOf(audio.Name))),
        ];

        // Tallest first: the longest encode starts first, the short ones fill in around it.
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var clock = Stopwatch.StartNew();
                var parser = new FfmpegProgress();
                var result = await runner.RunAsync(
                    FfmpegTool.Ffmpeg,
                    item.Arguments,
                    line =>
                    {
                        if (parser.Push(line) is { } encoded)
                        {
                            item.Progress?.Report(encoded);
                        }
                    },
                    token);
                EncodeFailures.ThrowIfFailed(item.Name, result);

                logger.LogInformation("Encoded {Output} in {Seconds:0.0} s", item.Name, clock.Elapsed.TotalSeconds);
            });
    }
}
