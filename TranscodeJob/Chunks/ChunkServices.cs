using Amazon.S3;
using Amazon.SQS;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// What the parts of a long source's job work with: S3 (the work area, the source's presigned reads, the stitching),
/// the queue the job came from (the chunks go to the pipeline through it, as any job does), and the settings. A job
/// has them when its source and its outputs are in S3; only a job started from a queue (<paramref name="QueueUrl"/>)
/// cuts a long source, since its chunks go to the pipeline through that queue.
/// </summary>
/// <param name="QueueUrl">The queue the job came from; null when run by hand (a chunk then runs, a source is not cut).</param>
/// <param name="Folder">The source's output folder name.</param>
internal sealed record ChunkServices(
    IAmazonS3 S3, IAmazonSQS Sqs, string? QueueUrl, S3Input Source, S3Output Output, string Folder, SplitSettings Settings, TimeProvider Time)
{
    public WorkArea AreaFor(string planId) => WorkArea.For(S3, Output, Folder, planId, Time);

    /// <summary>The folder of every work area of this source (one per plan).</summary>
    public WorkArea SourceWork => new(S3, Output.Bucket, $"{Output.Prefix}{WorkArea.Root}{Folder}/", Time);

    /// <summary>An object's key in the source's output folder.</summary>
    public string OutputKey(string fileName) => $"{Output.Prefix}{Folder}/{fileName}";
}
