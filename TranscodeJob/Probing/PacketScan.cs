namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// What the source's packets say, read without decoding: where the media really ends, where its last video frame
/// starts, the longest stretch with no packet of any stream, and the demuxer's errors (a truncated file's trace).
/// </summary>
/// <param name="End">The latest packet end (time + duration) of the video and the kept audio.</param>
/// <param name="LastVideoFrame">When the last video frame starts: what lies after it up to the end is its hold.</param>
/// <param name="LargestGap">The longest time with no packet at all, and where it starts.</param>
internal sealed record PacketScan(
    TimeSpan End,
    TimeSpan LastVideoFrame,
    long VideoPackets,
    (TimeSpan Length, TimeSpan At) LargestGap,
    IReadOnlyList<string> Errors);
