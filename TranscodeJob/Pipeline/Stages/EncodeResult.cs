using Transcoder.TranscodeJob.Encoding;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>The encoded tracks, checked, and the wall time the encode itself took.</summary>
internal sealed record EncodeResult(EncodedLadder Ladder, TimeSpan Elapsed);
