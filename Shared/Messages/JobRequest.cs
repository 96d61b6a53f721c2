namespace Transcoder.Shared.Messages;

/// <summary>One video to transcode, as the dispatcher learned it from a queue message.</summary>
/// <param name="Bucket">Bucket of the uploaded video.</param>
/// <param name="Key">Key of the uploaded video, URL-decoded (the key as S3 stores it).</param>
/// <param name="Revision">
/// What tells two uploads of the same key apart (version id, else ETag, else the event's sequencer); null when the
/// message did not say (a plain job message without one).
/// </param>
/// <param name="Renditions">Optional comma list of rendition names for this job only.</param>
public sealed record JobRequest(string Bucket, string Key, string? Revision, string? Renditions)
{
    /// <summary>The job's stable id: the same object version always gets the same id.</summary>
    public string JobId => global::Transcoder.Shared.JobId.ForObject(Bucket, Key, Revision);
}
