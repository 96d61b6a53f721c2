namespace Transcoder.TranscodeJob.Manifest;

/// <summary>
/// <c>failure.json</c>, written where the outputs would have gone when the input is bad (exit 3): the message is
/// deleted, so this is where an operator or the uploader's application learns why.
/// </summary>
/// <param name="Error">One line that says what is wrong.</param>
/// <param name="Detail">What ffmpeg or ffprobe said (their error lines), when they said more than the line.</param>
internal sealed record FailureRecord(int SchemaVersion, string JobId, string Source, string? Fingerprint, string Error, DateTimeOffset FailedAt, string? Detail = null)
{
    public const string FileName = "failure.json";
}
