using System.Globalization;

namespace Transcoder.Shared.Jobs;

/// <summary>
/// One job, as the dispatcher hands it to TranscodeJob: the typed form of the job's environment. The dispatcher (and
/// its local launcher) builds one and writes it with <see cref="ToEnvironment"/>; the job reads it back with
/// <see cref="JobSpecParser.Parse"/>, its command line mapped onto the same names. Deployment settings of the job
/// (ladder file, work folder, parallelism, log format, …) are not part of it: the task definition sets those.
/// </summary>
public sealed record JobSpec
{
    /// <summary>The longest <see cref="Passthrough"/> accepted, in characters (S3 user metadata allows 2 KB in all).</summary>
    public const int MaxPassthroughLength = 255;

    /// <summary>The deliverables a job publishes when nobody says otherwise: all of them.</summary>
    public const StreamingFormats DefaultFormats = StreamingFormats.All;

    /// <summary>The source video (or, for <see cref="JobKind.AttachCaption"/>, the caption file).</summary>
    public required InputLocation Source { get; init; }

    /// <summary>What the job does with its source; a caption file's job attaches it to its video's outputs.</summary>
    public JobKind Kind { get; init; } = JobKind.Transcode;

    /// <summary>Which upload of the source the job is for; null when unknown (run by hand).</summary>
    public SourceRevision? Revision { get; init; }

    /// <summary>The job's id; null lets the job derive it from the source and the revision it finds.</summary>
    public string? JobId { get; init; }

    /// <summary>Where outputs go; the job adds one folder per source below it.</summary>
    public required OutputLocation Output { get; init; }

    /// <summary>The renditions to make, by name; empty when not given (the upload's metadata may choose, else the whole ladder).</summary>
    public IReadOnlyList<string> Renditions { get; init; } = [];

    /// <summary>
    /// The deliverables asked for; null when nobody said (then the upload's own metadata may choose them, and else
    /// <see cref="DefaultFormats"/> is made). "Not given" and "all, given" are two requests.
    /// </summary>
    public StreamingFormats? Formats { get; init; }

    /// <summary>
    /// The video codecs asked for; null when nobody said (then the upload's metadata may choose, else the ladder's
    /// own, else H.264 alone).
    /// </summary>
    public VideoCodecs? Codecs { get; init; }

    /// <summary>The uploader's own text, copied into the manifest unchanged; null when none.</summary>
    public string? Passthrough { get; init; }

    /// <summary>Which attempt at this upload the job is (1 for the first); null when unknown.</summary>
    public int? Attempt { get; init; }

    /// <summary>The queue message the job owns; null when run by hand.</summary>
    public JobLease? Lease { get; init; }

    /// <summary>The chunk of a long source this job encodes; null for a whole source (which may itself cut into chunks).</summary>
    public JobChunk? Chunk { get; init; }

    /// <summary>
    /// The environment that carries this spec (names from <see cref="JobEnvironment"/>): ECS container overrides or a
    /// local child process's variables. Optional parts not given are left out.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToEnvironment()
    {
        var environment = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                environment.Add(new(name, value));
            }
        }

        switch (Source)
        {
            case S3Input s3:
                Add(JobEnvironment.SourceBucket, s3.Bucket);
                Add(JobEnvironment.SourceKey, s3.Key);
                break;
            case LocalInput local:
                Add(JobEnvironment.SourceFile, local.FullPath);
                break;
        }

        Add(JobEnvironment.JobKind, Kind == JobKind.Transcode ? null : JobKinds.NameOf(Kind));
        Add(JobEnvironment.SourceRevision, Revision?.ToString());
        Add(JobEnvironment.JobId, JobId);
        switch (Output)
        {
            case S3Output s3:
                Add(JobEnvironment.OutputBucket, s3.Bucket);
                Add(JobEnvironment.OutputPrefix, s3.Prefix.Length > 0 ? s3.Prefix : null);
                break;
            case LocalOutput local:
                Add(JobEnvironment.OutputDir, local.FullPath);
                break;
        }

        Add(JobEnvironment.Renditions, Renditions.Count > 0 ? string.Join(',', Renditions) : null);
        Add(JobEnvironment.Formats, Formats is { } formats ? StreamingFormatList.Format(formats) : null);
        Add(JobEnvironment.Codecs, Codecs is { } codecs ? VideoCodecList.Format(codecs) : null);
        Add(JobEnvironment.Passthrough, Passthrough);
        Add(JobEnvironment.Attempt, Attempt?.ToString(CultureInfo.InvariantCulture));
        Add(JobEnvironment.QueueUrl, Lease?.QueueUrl);
        Add(JobEnvironment.ReceiptHandle, Lease?.ReceiptHandle);
        Add(JobEnvironment.ReceivedAt, Lease?.ReceivedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(JobEnvironment.ChunkPlan, Chunk?.Plan);
        Add(JobEnvironment.ChunkIndex, Chunk?.Index.ToString(CultureInfo.InvariantCulture));
        Add(JobEnvironment.ChunkCount, Chunk?.Count.ToString(CultureInfo.InvariantCulture));
        return environment;
    }

    /// <inheritdoc/>
    public bool Equals(JobSpec? other) =>
        other is not null
        && Source == other.Source
        && Kind == other.Kind
        && Revision == other.Revision
        && JobId == other.JobId
        && Output == other.Output
        && Renditions.SequenceEqual(other.Renditions)
        && Formats == other.Formats
        && Codecs == other.Codecs
        && Passthrough == other.Passthrough
        && Attempt == other.Attempt
        && Lease == other.Lease
        && Chunk == other.Chunk;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Kind, Revision, JobId, Output, Renditions.Count, Formats, HashCode.Combine(Codecs, Passthrough, Lease, Chunk));
}
