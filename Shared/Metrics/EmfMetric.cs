namespace Transcoder.Shared.Metrics;

/// <summary>One metric of an EMF line.</summary>
/// <param name="Name">The metric's name, e.g. <c>Launched</c>.</param>
/// <param name="Unit">A CloudWatch unit: <c>Count</c>, <c>Seconds</c>, <c>Milliseconds</c>, <c>Bytes</c>, <c>None</c>.</param>
/// <param name="Values">One value, or several (written as an array: CloudWatch keeps each for percentiles).</param>
public sealed record EmfMetric(string Name, string Unit, IReadOnlyList<double> Values);
