using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// The default: one ffmpeg process decodes the source once and encodes every rung, the audio and the storyboard.
/// Decoding a 2160p source once instead of once per rung is most of the saving (README, "Performance").
/// </summary>
internal sealed class LadderEncoder(IFfmpegRunner runner) : ILadderEncoder
{
    public async Task EncodeAsync(LadderJob job, CancellationToken cancellationToken)
    {
        var plans = job.Plans;
        var arguments = FfmpegArguments.ForLadder(
            job.InputPath,
            job.Source.Video.Index,
            plans,
            job.Encoder,
            [.. plans.Select(p => job.Workspace.PathFor(p.TrackFileName))],
            job.Audio,
            job.Audio is null ? null : job.Workspace.PathFor(AudioPlan.FileName),
            job.Storyboard,
            job.Workspace.PathFor(StoryboardPlan.SheetPattern),
            PosterMaker.PositionIn(job.Source),
            job.Workspace.PathFor(ManifestPoster.FileName));

        // Every rung advances with the one decoder: the same position is every rung's progress.
        var progress = plans.Select(p => job.Board.For(p.Name)).ToList();
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

        if (!result.Succeeded)
        {
            throw EncodeFailures.From(LadderFailure.Name(result, FfmpegArguments.LadderOutputNames(plans, job.Audio is not null)), result);
        }
    }
}
