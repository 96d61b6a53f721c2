using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Storage;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>
/// Brings the source into reach (a download, or the file in place) and probes it: a source outside the limits is bad
/// input here, before anything is planned or encoded.
/// </summary>
internal sealed class ProbeStage(ISourceStore source, MediaProbe probe, SourceLimits limits, TimeSpan maxDuration)
{
    public async Task<ProbedSource> RunAsync(SourceObject described, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        if (source.CopiesToWorkspace)
        {
            workspace.EnsureFreeSpace(DiskBudget.ForSource(described.Size), "the source");
        }

        var input = new SourceInput(await source.MaterializeAsync(described, workspace, cancellationToken), limits.MaxPixelsPerFrame);
        var media = await probe.ProbeSourceAsync(input, described.Uri, cancellationToken);
        SourceBounds.Check(media, limits, maxDuration, described.Uri);
        return ProbedSource.Of(input, media);
    }
}
