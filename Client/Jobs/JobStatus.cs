using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;

namespace Transcoder.Client.Jobs;

/// <summary>What the output folder of an upload says about its job.</summary>
internal abstract record JobStatus(OutputFolderLocation Folder)
{
    /// <summary>Whether this status is about <paramref name="revision"/> (the upload just made), not an earlier upload of the key.</summary>
    /// <param name="uploadedAt">When that upload started, for a failure.json that names no revision.</param>
    public abstract bool IsAbout(SourceRevision revision, DateTimeOffset uploadedAt);
}

/// <summary><c>manifest.json</c> is there: every output is published.</summary>
internal sealed record JobDone(OutputFolderLocation Folder, JobManifest Manifest) : JobStatus(Folder)
{
    public override bool IsAbout(SourceRevision revision, DateTimeOffset uploadedAt) =>
        SourceRevision.Of(Manifest.Source.VersionId, Manifest.Source.ETag)?.ToString() == revision.ToString();
}

/// <summary><c>failure.json</c> is there: the job refused the upload.</summary>
internal sealed record JobFailed(OutputFolderLocation Folder, FailureRecord Failure) : JobStatus(Folder)
{
    // The job writes no revision when it could not even read the object; the time is the only tie left.
    public override bool IsAbout(SourceRevision revision, DateTimeOffset uploadedAt) =>
        Failure.Fingerprint is { } fingerprint ? fingerprint == revision.ToString() : Failure.FailedAt >= uploadedAt;
}

/// <summary>Neither file: the job is queued, running, or was never started.</summary>
internal sealed record JobProcessing(OutputFolderLocation Folder) : JobStatus(Folder)
{
    public override bool IsAbout(SourceRevision revision, DateTimeOffset uploadedAt) => false;
}
