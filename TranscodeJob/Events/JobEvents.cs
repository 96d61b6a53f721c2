using Transcoder.Shared;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Pipeline;

namespace Transcoder.TranscodeJob.Events;

/// <summary>Builds the completion event of a job from how it ended; null when the end is not final (a retry will send it).</summary>
internal static class JobEvents
{
    public static JobEvent? For(JobEnd end, JobSpec spec, DateTimeOffset now)
    {
        if (!end.IsReported)
        {
            return null;
        }

        var source = spec.Source switch
        {
            S3Input s3 => new JobEventSource(s3.Display, s3.Bucket, s3.Key),
            _ => new JobEventSource(spec.Source.Display, null, null),
        };
        var revision = end.Outcome?.Revision?.ToString() ?? spec.Revision?.ToString();

        if (end.Outcome is { } outcome)
        {
            var manifest = outcome.Manifest;
            return new JobEvent(
                JobEvent.CurrentSchemaVersion,
                JobEvent.Done,
                outcome.JobId,
                source,
                revision,
                manifest.Passthrough ?? spec.Passthrough,
                new JobEventOutputs(outcome.Location, JobManifest.FileName, manifest.Hls, manifest.Dash, manifest.Poster?.File, manifest.Files)
                {
                    Quality = [.. manifest.Renditions
                        .Where(r => r.Quality is not null)
                        .Select(r => new JobEventQuality(r.Name, r.Quality!.Ssim, r.Quality.SsimDb, r.Quality.Psnr, r.Bitrate))],
                },
                manifest.Source.DurationSeconds,
                outcome.AlreadyDone || outcome.Attached ? null : Math.Round(outcome.EncodeTime.TotalSeconds, 3),
                null,
                outcome.AlreadyDone,
                now);
        }

        var type = end.Superseded is not null ? JobEvent.Superseded : end.ExitCode == ExitCodes.BadInput ? JobEvent.Failed : null;
        return type is null
            ? null
            : new JobEvent(
                JobEvent.CurrentSchemaVersion, type, end.JobId, source, revision, spec.Passthrough, null, null, null,
                type == JobEvent.Failed ? end.Error : end.Superseded!.Message, false, now);
    }
}
