using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Errors;

/// <summary>
/// The job was started for one upload, but a later upload of the same key is in place: the job stops and publishes
/// nothing, leaving the folder to the later upload's own job. Not a failure: exit 0, the message is deleted.
/// </summary>
internal sealed class SourceSupersededException : Exception
{
    public SourceSupersededException(string source, SourceRevision asked, SourceRevision current)
        : base($"{source} was replaced by a later upload ({current}) after this job's ({asked}) was queued; the later upload's job publishes instead")
    {
        Asked = asked;
        Current = current;
    }

    /// <summary>Another job took over the folder this one was changing (a caption job whose video was uploaded again).</summary>
    public SourceSupersededException(string reason)
        : base(reason)
    {
    }

    public SourceRevision? Asked { get; }

    public SourceRevision? Current { get; }

    /// <summary>Set when another part of the same long source's job already reported it (the one event).</summary>
    public bool ReportedElsewhere { get; init; }
}
