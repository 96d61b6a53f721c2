namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// How a long source's job ended when it did not end with a manifest: written once, by a conditional write
/// (<c>verdict.json</c>), by the first part that found the source bad or replaced. Only that part reports it (the
/// failure record, the one event); the others see it and stop.
/// </summary>
/// <param name="Type">The completion event's type: <c>job.failed</c> or <c>job.superseded</c>.</param>
/// <param name="Reason">The one line that says why.</param>
/// <param name="By">Which part wrote it (<c>source</c>, <c>chunk 3 of 12</c>).</param>
internal sealed record JobVerdict(string Type, string Reason, string By)
{
    public const string FileName = "verdict.json";
}
