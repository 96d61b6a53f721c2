namespace Transcoder.Shared.Jobs;

/// <summary>What <see cref="JobSpecParser.Parse"/> made of an environment.</summary>
/// <param name="Spec">The spec; null when there are problems.</param>
/// <param name="Problems">Every problem found, one line each; empty when <paramref name="Spec"/> is set.</param>
/// <param name="Lease">
/// The message lease, read on its own: a job with a bad spec still puts its message back, so that it reaches the DLQ
/// rather than vanishing or waiting out its timeout.
/// </param>
public sealed record JobSpecParse(JobSpec? Spec, IReadOnlyList<string> Problems, JobLease? Lease);
