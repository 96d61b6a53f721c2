using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The original shape, kept as an option: one ffmpeg process per rung (several at once), then one for the audio.
/// Each decodes the source again, so it costs more CPU; it isolates a rung that fails.
/// </summary>
internal sealed class PerRenditionEncoder(IFfmpegRunner runner, int parallelism, ILogger logger) : ILadderEncoder
{
    public async Task EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var videoIndex = job.VideoStreamIndex;
        List<(string Name, IReadOnlyList<string> Arguments, IProgress<TimeSpan>? Progress)> work =
        [
            .. job.Plans.Select(plan => (plan.Name, FfmpegArguments.ForRendition(
                job.Input, videoIndex, plan, job.Encoder, job.Workspace.PathFor(plan.TrackFileName)), (IProgress<TimeSpan>?)job.Board.For(plan.Name))),
        ];
        if (job.Audio is not null)
        {
            work.Add((AudioPlan.Name, FfmpegArguments.ForAudio(job.Input, job.Audio, job.Encoder, job.Workspace.PathFor(AudioPlan.FileName)), null));
        }

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
