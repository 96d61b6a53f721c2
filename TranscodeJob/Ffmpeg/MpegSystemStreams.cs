namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// MPEG transport and program streams (ffprobe's <c>mpegts</c> and <c>mpeg</c>: broadcast captures, camcorder
/// <c>.mts</c>, DVD <c>.vob</c>), which ffmpeg 5.1 reads unlike the other containers in two ways:
/// <list type="bullet">
/// <item>they have no index, so a seek lands on any frame, not a keyframe (<see cref="KeyframeSeeking"/>);</item>
/// <item>ffmpeg moves an input's zero to the earliest of the streams a run reads, but only when the input is neither
/// sought nor offset (measured: a picture 23 ms after its sound started at 0 in a run of the picture alone, at 23 ms with
/// the sound or any offset). The job's runs read different streams (the single pass the picture and the sound, a chunk
/// or a rung of the per-rendition mode the picture alone, the audio pass the sound alone) and must share one timeline,
/// the container's: every run offsets the input by <see cref="StartPin"/> more, which keeps ffmpeg from moving it.</item>
/// <item>ffmpeg takes a jump of more than 10 s in their times for a discontinuity and undoes it, and an input offset
/// back by 10 s or more (a seek that reads from a keyframe 10 s before it) is such a jump: measured, <c>-itsoffset -9.9</c>
/// put the first frame at −9.88 s, <c>-itsoffset -10</c> at 0.08 s. Every run raises the threshold past the longest read
/// ahead (<see cref="JumpThreshold"/>).</item>
/// </list>
/// </summary>
internal static class MpegSystemStreams
{
    /// <summary>
    /// The extra offset that keeps ffmpeg from moving the input's zero: one microsecond, ffmpeg's unit, under a tick of
    /// these streams' 90 kHz clock (11 µs), so no frame's time moves with it.
    /// </summary>
    public static readonly TimeSpan StartPin = TimeSpan.FromMicroseconds(1);

    /// <summary>ffmpeg's own threshold for a discontinuity in these streams' times (<c>-dts_delta_threshold</c>).</summary>
    private static readonly TimeSpan DefaultJumpThreshold = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> Demuxers = ["mpegts", "mpeg"];

    /// <summary>
    /// The threshold every run on such a source sets, the same in all of them: ffmpeg's own beyond the most an input is
    /// offset back (its lead-in and <see cref="KeyframeSeeking.MaxReadAhead"/>).
    /// </summary>
    public static TimeSpan JumpThreshold(TimeSpan leadIn) => leadIn + KeyframeSeeking.MaxReadAhead + DefaultJumpThreshold;

    /// <summary>Whether a source of <paramref name="container"/> (ffprobe's format name, or a demuxer's name) is one.</summary>
    public static bool Is(string container) => Demuxers.Contains(RemoteSource.DemuxerOf(container));
}
