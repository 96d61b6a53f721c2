using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>How a job ended, for its completion event and its metrics.</summary>
/// <param name="JobId">The job's id, as far as it was known (derived ids are known once the source was described).</param>
/// <param name="Outcome">Set when the outputs are in place (done or already done).</param>
/// <param name="Superseded">Set when a later upload took over.</param>
/// <param name="Error">The one-line reason of a failure.</param>
internal sealed record JobEnd(int ExitCode, string JobId, JobOutcome? Outcome, SourceSupersededException? Superseded, string? Error, long? SourceBytes);
