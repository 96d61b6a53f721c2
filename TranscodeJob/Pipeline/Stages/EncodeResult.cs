using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Quality;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>The encoded tracks, checked, and the wall time the encode itself took.</summary>
internal sealed record EncodeResult(EncodedLadder Ladder, TimeSpan Elapsed)
{
    /// <summary>The quality windows' pictures the encode kept for the measurement; null when it kept none.</summary>
    public KeptReference? Reference { get; init; }
}
