using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>Describes what was published in the manifest and commits the folder with it (<see cref="JobOutputFolder.CommitAsync"/>).</summary>
internal sealed class CommitStage(JobOutputFolder folder, TimeProvider time)
{
    public async Task<JobManifest> RunAsync(
        JobSubject subject, ProbedSource probed, PlannedLadder plan, EncodeResult encoded, PackagedOutputs packaged,
        IReadOnlyList<OutputFile> published, JobWorkspace workspace, CancellationToken cancellationToken)
    {
        var manifest = ManifestBuilder.Build(
                subject.JobId, subject.Source, subject.Fingerprint, probed.Media, encoded.Ladder, plan.Audio,
                packaged.Storyboard, packaged.Poster, published, time.GetUtcNow())
            with { Passthrough = subject.Request.Passthrough };
        await folder.CommitAsync(subject.Source, manifest, published, workspace, cancellationToken);
        return manifest;
    }
}
