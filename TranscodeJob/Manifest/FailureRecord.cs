namespace Transcoder.TranscodeJob.Manifest;

/// <summary>
/// <c>failure.json</c>, written where the outputs would have gone when the input is bad (exit 3): the message is
/// deleted, so this is where an operator or the uploader's application learns why.
/// </summary>
internal sealed record FailureRecord(int SchemaVersion, string JobId, string Source, string? Fingerprint, string Error, DateTimeOffset FailedAt)
{
    public const string FileName = "failure.json";
}
