namespace Transcoder.Dispatcher.Ecs;

/// <summary>RunTask answered, but started no task and listed why (<c>failures</c>).</summary>
internal sealed class RunTaskFailuresException(IReadOnlyList<EcsFailure> failures)
    : Exception("RunTask started no task: " + string.Join("; ", failures.Select(f => $"{f.Reason} {f.Detail}".Trim())))
{
    public IReadOnlyList<EcsFailure> Failures { get; } = failures;

    // Reasons are documented at https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html:
    // capacity ("Capacity is unavailable at this time"), "RESOURCE:ENI", "RESOURCE:CPU"/"MEMORY", "AGENT" pass;
    // "MISSING" (a task definition attribute no instance has) and "INACTIVE" ones do not.
    public bool IsRetryable => Failures.All(f => f.Reason is not { } reason
                                                 || !(reason.StartsWith("MISSING", StringComparison.OrdinalIgnoreCase)
                                                      || reason.Contains("INACTIVE", StringComparison.OrdinalIgnoreCase)));
}
