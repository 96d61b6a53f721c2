namespace Transcoder.Shared.Outputs;

/// <summary>
/// What the job tells the application when it ends for good: done (also "already done", so a lost event is sent
/// again by a redelivered message), failed on bad input, or superseded by a later upload. Not sent for a failure
/// that will be retried: its retry sends the event. Receivers deduplicate by <see cref="JobId"/> and <see cref="Type"/>.
/// docs/schemas/job-event.schema.json describes it (docs/outputs.md).
/// </summary>
/// <param name="SchemaVersion">The event's version (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Type"><see cref="Done"/>, <see cref="Failed"/> or <see cref="Superseded"/>.</param>
/// <param name="JobId">The job's id.</param>
/// <param name="Source">The source video.</param>
/// <param name="Revision">Which upload of the source (<c>version:…</c>, <c>etag:…</c>).</param>
/// <param name="Passthrough">The uploader's own text, unchanged; null when none was given.</param>
/// <param name="Outputs">Where the outputs are; null unless done.</param>
/// <param name="DurationSeconds">The source's real duration; null unless done.</param>
/// <param name="EncodeSeconds">Wall time of the encode; null unless this job encoded.</param>
/// <param name="Error">Why the input was refused, or why the job was superseded; null when done.</param>
/// <param name="AlreadyDone">True when an earlier job had made the same outputs and nothing was encoded.</param>
/// <param name="OccurredAt">When the job ended.</param>
public sealed record JobEvent(
    int SchemaVersion,
    string Type,
    string JobId,
    JobEventSource Source,
    string? Revision,
    string? Passthrough,
    JobEventOutputs? Outputs,
    double? DurationSeconds,
    double? EncodeSeconds,
    string? Error,
    bool AlreadyDone,
    DateTimeOffset OccurredAt)
{
    /// <summary>1: the first version.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The outputs are in place (made now, or found already made).</summary>
    public const string Done = "job.done";

    /// <summary>The input was refused (bad input); <c>failure.json</c> says why.</summary>
    public const string Failed = "job.failed";

    /// <summary>A later upload of the key is in place; this job published nothing.</summary>
    public const string Superseded = "job.superseded";
}
