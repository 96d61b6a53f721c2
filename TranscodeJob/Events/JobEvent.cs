using Transcoder.TranscodeJob.Manifest;

namespace Transcoder.TranscodeJob.Events;

/// <summary>
/// What the job tells the application when it ends for good: done (also "already done", so a lost event is sent
/// again by a redelivered message), failed on bad input, or superseded by a later upload. Not sent for a failure
/// that will be retried: its retry sends the event. Receivers deduplicate by <see cref="JobId"/> and <see cref="Type"/>.
/// </summary>
/// <param name="Type"><c>job.done</c>, <c>job.failed</c> or <c>job.superseded</c>.</param>
/// <param name="Revision">Which upload of the source (<c>version:…</c>, <c>etag:…</c>).</param>
/// <param name="Outputs">Where the outputs are; null unless done.</param>
/// <param name="Error">Why the input was refused; null unless failed.</param>
internal sealed record JobEvent(
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
    public const int CurrentSchemaVersion = 1;

    public const string Done = "job.done";

    public const string Failed = "job.failed";

    public const string Superseded = "job.superseded";
}

/// <param name="Uri">The source as <c>s3://bucket/key</c> or a local path.</param>
internal sealed record JobEventSource(string Uri, string? Bucket, string? Key);

/// <param name="Location">The output folder, e.g. <c>s3://prod/videos/clip-3fa2c1d09b7e4a51/</c>.</param>
/// <param name="Hls">The HLS master playlist's file name in it, when HLS was made.</param>
/// <param name="Dash">The DASH MPD's file name in it, when DASH was made.</param>
internal sealed record JobEventOutputs(string Location, string Manifest, string? Hls, string? Dash, string Poster, IReadOnlyList<ManifestFile> Files);
