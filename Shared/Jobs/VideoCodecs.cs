namespace Transcoder.Shared.Jobs;

/// <summary>Which video codecs the job encodes the ladder in. H.264 always: every player decodes it.</summary>
[Flags]
public enum VideoCodecs
{
    /// <summary>Nothing: never valid in a job, the result of an empty list.</summary>
    None = 0,

    /// <summary>H.264 (x264): every rung, the progressive MP4s, every player.</summary>
    H264 = 1,

    /// <summary>
    /// AV1 (SVT-AV1) beside H.264, on the rungs whose ladder entry offers it: the same picture for fewer bits, for the
    /// players that decode AV1 (they pick it from the HLS master or the MPD; the others skip it).
    /// </summary>
    Av1 = 2,
}
