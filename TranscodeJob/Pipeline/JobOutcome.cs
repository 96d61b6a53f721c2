using Transcoder.TranscodeJob.Manifest;

namespace Transcoder.TranscodeJob.Pipeline;

/// <param name="AlreadyDone">True when a manifest for the same source version was found and nothing was encoded.</param>
public sealed record JobOutcome(string JobId, string Location, bool AlreadyDone, JobManifest Manifest);
