namespace Transcoder.Shared.Jobs;

/// <summary>Which fact a <see cref="SourceRevision"/> holds.</summary>
public enum SourceRevisionKind
{
    /// <summary>The S3 version id (versioned buckets).</summary>
    Version,

    /// <summary>The S3 ETag, without quotes.</summary>
    ETag,

    /// <summary>The S3 event's sequencer: orders the events of one key, never seen by a HEAD request.</summary>
    Sequencer,

    /// <summary>A local file's size and last write time.</summary>
    File,

    /// <summary>Free text from a hand-written job message: tells jobs apart, cannot be checked.</summary>
    Given,
}
