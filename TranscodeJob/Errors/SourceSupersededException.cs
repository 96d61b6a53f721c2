using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Errors;

/// <summary>
/// The job was started for one upload, but a later upload of the same key is in place: the job stops and publishes
/// nothing, leaving the folder to the later upload's own job. Not a failure: exit 0, the message is deleted.
/// </summary>
internal sealed class SourceSupersededException(string source, SourceRevision asked, SourceRevision current)
    : Exception($"{source} was replaced by a later upload ({current}) after this job's ({asked}) was queued; the later upload's job publishes instead")
{
    public SourceRevision Asked { get; } = asked;

    public SourceRevision Current { get; } = current;

    /// <summary>Set when another part of the same long source's job already reported it (the one event).</summary>
    public bool ReportedElsewhere { get; init; }
}
