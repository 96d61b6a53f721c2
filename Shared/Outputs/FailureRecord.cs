namespace Transcoder.Shared.Outputs;

/// <summary>
/// <c>failure.json</c>, written where the outputs would have gone when the input is bad (exit 3): the message is
/// deleted, so this is where an operator or the uploader's application learns why. The job writes it, the client
/// reads it; docs/schemas/failure.schema.json describes it (docs/outputs.md).
/// </summary>
/// <param name="SchemaVersion">The document's version (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="JobId">The job that refused the source.</param>
/// <param name="Source">The source as <c>s3://bucket/key</c> or a local path.</param>
/// <param name="Fingerprint">The upload's revision (<c>etag:…</c>, <c>version:…</c>); null when the job could not read it.</param>
/// <param name="Error">The one line the job printed.</param>
/// <param name="FailedAt">When the job refused it.</param>
/// <param name="Detail">What the tools said beyond <paramref name="Error"/> (ffmpeg's error lines); null when nothing more.</param>
public sealed record FailureRecord(
    int SchemaVersion,
    string JobId,
    string Source,
    string? Fingerprint,
    string Error,
    DateTimeOffset FailedAt,
    string? Detail = null)
{
    /// <summary>The document's name in the output folder.</summary>
    public const string FileName = "failure.json";

    /// <summary>1; <c>detail</c> was added later, as an optional field.</summary>
    public const int CurrentSchemaVersion = 1;
}
