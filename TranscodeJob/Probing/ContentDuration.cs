using System.Globalization;
using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Probing;

/// <summary>
/// How long a source really is, from what its header declares and what its packets show. A header may lack a
/// duration (WebM written live by a browser, raw H.264), or lie (a fragmented MP4 claiming 143,165 s for 1 s of
/// media); packets are the truth, the header only fills in a last frame's hold that packets do not carry.
/// </summary>
internal static class ContentDuration
{
    /// <summary>A stretch with no audio and no video packet this long is a broken or hostile timeline, not content.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(5);

    /// <summary>The real duration, or a bad-input error naming what is wrong.</summary>
    /// <param name="audioOnly">The source has no video: its audio packets are what must be there.</param>
    public static TimeSpan Resolve(TimeSpan? declared, PacketScan scan, bool audioOnly, string inputName)
    {
        if ((audioOnly ? scan.AudioPackets : scan.VideoPackets) == 0 || scan.End <= TimeSpan.Zero)
        {
            throw JobException.BadInput($"{inputName} has no {(audioOnly ? "audio" : "video frames")} to read{Because(scan)}");
        }

        if (scan.LargestGap.Length > MaxGap)
        {
            throw JobException.BadInput(Invariant(
                $"{inputName}: its timestamps jump {scan.LargestGap.Length.TotalSeconds:0.#} s at {scan.LargestGap.At.TotalSeconds:0.###} s with no audio or video in between (limit {MaxGap.TotalSeconds:0} s): a broken or hostile timeline, not encoded"));
        }

        if (declared is not { } header)
        {
            return scan.End;
        }

        var shortfall = header - scan.End;
        if (shortfall > Tolerance(header) && scan.Errors.Count > 0)
        {
            throw JobException.BadInput(Invariant(
                $"{inputName} is truncated: its container declares {header.TotalSeconds:0.###} s but its media stops at {scan.End.TotalSeconds:0.###} s{Because(scan)}"));
        }

        // Read cleanly to the end but far shorter than declared: the header lies. Slightly longer: the last frame's
        // hold (a screen recording's still tail), which the header knows and the packets may not.
        return shortfall > Tolerance(scan.End) ? scan.End : header > scan.End ? header : scan.End;
    }

    // Two seconds, or a tenth of the length for long sources: container durations and packet ends differ by a frame
    // or an audio priming delay, never by this much unless something is wrong.
    private static TimeSpan Tolerance(TimeSpan length) => TimeSpan.FromSeconds(Math.Max(2, length.TotalSeconds / 10));

    private static string Because(PacketScan scan) => scan.Errors.Count > 0 ? $" ({scan.Errors[0]})" : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
