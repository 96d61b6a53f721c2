using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Messages;

/// <summary>One video to transcode, as the dispatcher learned it from a queue message, before any check.</summary>
/// <param name="Bucket">Bucket of the uploaded video.</param>
/// <param name="Key">Key of the uploaded video, URL-decoded (the key as S3 stores it).</param>
/// <param name="Revision">Which upload of the key (see <see cref="SourceRevision"/>); null when the message did not say.</param>
/// <param name="Renditions">Optional comma list of rendition names for this job only.</param>
/// <param name="Formats">Optional comma list of deliverables for this job only (<c>hls,dash,mp4</c>).</param>
/// <param name="Passthrough">Optional text copied into the job's manifest unchanged.</param>
/// <param name="Chunk">Set on a chunk of a long source, which the source's first job handed to the pipeline.</param>
public sealed record JobRequest(
    string Bucket,
    string Key,
    SourceRevision? Revision,
    string? Renditions,
    string? Formats = null,
    string? Passthrough = null,
    JobChunk? Chunk = null)
{
    /// <summary>Optional comma list of video codecs for this job only (<c>h264,av1</c>).</summary>
    public string? Codecs { get; init; }

    /// <summary>The source this request names.</summary>
    public S3Input Source => new(Bucket, Key);

    /// <summary>What the job does: a caption file named by the rule is attached to its video, anything else transcoded.</summary>
    public JobKind Kind => JobKinds.For(Key);

    /// <summary>The job's stable id: the same upload always gets the same id.</summary>
    public string JobId => Source.JobIdAt(Revision);
}
