using Microsoft.Extensions.Logging;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Scores every rendition (SSIM, PSNR in sampled windows) against the source as the encode saw it. Never fails the job:
/// a rendition it cannot measure has no score. Off when the job is told so (QUALITY=off).
/// </summary>
internal sealed class MeasureStage(IFfmpegRunner runner, bool enabled, ILogger logger)
{
    public async Task<IReadOnlyDictionary<string, ManifestQuality>> RunAsync(
        ProbedSource probed, PlannedLadder plan, EncodeResult encoded, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        try
        {
            return await new QualityMeasurer(runner, logger).MeasureAsync(
                enabled, probed.Input, probed.Media, encoded.Ladder, plan.Reference, plan.Encoder.GopSeconds, workspace, cancellationToken, encoded.Reference);
        }
        finally
        {
            // Read only here: the rest of the job needs the disk more.
            if (encoded.Reference is { } kept)
            {
                File.Delete(kept.Path);
            }
        }
    }
}
