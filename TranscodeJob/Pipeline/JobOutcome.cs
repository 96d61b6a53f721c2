using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Pipeline;

/// <param name="AlreadyDone">True when a manifest for the same source version was found and nothing was encoded.</param>
/// <param name="EncodeTime">Wall time of the encode itself (zero when already done): the rest is download, probe,
/// packaging, upload and manifest.</param>
/// <param name="Revision">Which upload of the source was transcoded (or found done).</param>
internal sealed record JobOutcome(string JobId, string Location, bool AlreadyDone, JobManifest Manifest, TimeSpan EncodeTime = default, SourceRevision? Revision = null)
{
    /// <summary>
    /// A caption job's outcome: the video's folder revised to list a caption, nothing encoded. The manifest is the
    /// video's, so its durations and sizes are not this job's work (the metrics leave them out).
    /// </summary>
    public bool Attached { get; init; }
}
