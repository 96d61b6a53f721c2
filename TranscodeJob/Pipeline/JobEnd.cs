using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>How a job ended, for its completion event and its metrics.</summary>
/// <param name="JobId">The job's id, as far as it was known (derived ids are known once the source was described).</param>
/// <param name="Outcome">Set when the outputs are in place (done or already done).</param>
/// <param name="Superseded">Set when a later upload took over.</param>
/// <param name="Error">The one-line reason of a failure.</param>
internal sealed record JobEnd(int ExitCode, string JobId, JobOutcome? Outcome, SourceSupersededException? Superseded, string? Error, long? SourceBytes)
{
    /// <summary>Set when this task did its part of a long source's job and others finish it (what it did, for the log).</summary>
    public string? PartDone { get; init; }

    /// <summary>
    /// Whether this end is the job's to report (event, metrics line). Not when this task only did its part of a long
    /// source's job, nor when another part already reported the failure or the later upload.
    /// </summary>
    public bool IsReported => PartDone is null && !ReportedElsewhere;

    /// <summary>Set when another part of the same long source's job already reported this end.</summary>
    public bool ReportedElsewhere { get; init; }
}
