namespace Transcoder.Shared.Outputs;

/// <summary>The source of a <see cref="JobEvent"/>.</summary>
/// <param name="Uri">The source as <c>s3://bucket/key</c> or a local path.</param>
/// <param name="Bucket">The source's bucket; null for a local file.</param>
/// <param name="Key">The source's key, as stored (not URL-encoded); null for a local file.</param>
public sealed record JobEventSource(string Uri, string? Bucket, string? Key);
