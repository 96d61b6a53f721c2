namespace Transcoder.Shared.Messages;

/// <summary>The meaning of one queue message.</summary>
/// <param name="Kind">What to do with it.</param>
/// <param name="Jobs">The jobs it asks for; empty unless <paramref name="Kind"/> is <see cref="QueueMessageKind.Jobs"/>.</param>
/// <param name="Reason">Why a message is ignored or invalid, or what was skipped beside the jobs; for the log.</param>
public sealed record ParsedMessage(QueueMessageKind Kind, IReadOnlyList<JobRequest> Jobs, string Reason)
{
    /// <summary>A message asking for <paramref name="jobs"/>.</summary>
    public static ParsedMessage ForJobs(IReadOnlyList<JobRequest> jobs, string note = "") => new(QueueMessageKind.Jobs, jobs, note);

    /// <summary>A message that needs no work.</summary>
    public static ParsedMessage Ignore(string reason) => new(QueueMessageKind.Ignored, [], reason);

    /// <summary>A message nobody can act on.</summary>
    public static ParsedMessage Reject(string reason) => new(QueueMessageKind.Invalid, [], reason);
}
