using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>What one run is about, fixed before any stage runs: the job, the upload it transcodes and what it makes.</summary>
/// <param name="Fingerprint">The upload's revision with the request (<see cref="Manifest.ManifestFingerprint"/>): equal
/// fingerprints mean the same outputs.</param>
internal sealed record JobSubject(string JobId, SourceObject Source, RunRequest Request, string Fingerprint);
