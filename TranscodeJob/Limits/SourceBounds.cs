using System.Globalization;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Limits;

/// <summary>
/// Refuses, before anything is encoded, a source whose probe shows more work than <see cref="SourceLimits"/> allow,
/// or a timeline that is not content. Every message names the limit and the setting that raises it.
/// </summary>
internal static class SourceBounds
{
    public static void Check(SourceMedia media, SourceLimits limits, TimeSpan maxDuration, string inputName)
    {
        if (media.Duration > maxDuration)
        {
            throw Refuse($"{inputName} lasts {media.Duration.TotalSeconds:0} s, over the {maxDuration.TotalSeconds:0} s limit ({JobEnvironment.MaxSourceSeconds} / --max-duration)");
        }

        // The picture's limits are the video's; an audio-only source is bounded by its duration and stream count.
        if (media.Video is not { } video)
        {
            return;
        }

        var pixels = (long)video.Width * video.Height;
        if (pixels > limits.MaxPixelsPerFrame)
        {
            throw Refuse($"{inputName}: its pictures are {video.Width}x{video.Height} ({pixels / 1e6:0.#} megapixels), over the {limits.MaxPixelsPerFrame / 1e6:0.#}-megapixel limit ({JobEnvironment.MaxPixelsPerFrame})");
        }

        if (media.Packets is not { } packets)
        {
            return;
        }

        if (packets.VideoPackets > limits.MaxFrames)
        {
            throw Refuse($"{inputName} has {packets.VideoPackets} video frames, over the limit of {limits.MaxFrames} ({JobEnvironment.MaxSourceFrames})");
        }

        var rate = MeasuredFrameRate(packets);
        if (rate > limits.MaxFrameRate)
        {
            throw Refuse($"{inputName} shows {rate:0.#} pictures a second (measured from its packets), over the limit of {limits.MaxFrameRate} ({JobEnvironment.MaxFrameRate})");
        }

        if (pixels * rate > limits.MaxPixelsPerSecond)
        {
            throw Refuse($"{inputName}: {video.Width}x{video.Height} at {rate:0.##} fps is {pixels * rate / 1e6:0} megapixels a second, over the limit of {limits.MaxPixelsPerSecond / 1e6:0} ({JobEnvironment.MaxPixelsPerSecond})");
        }

        if (packets.LongestSilentStill.Length > SourceLimits.MaxSilentStill)
        {
            throw Refuse($"{inputName} shows one picture for {packets.LongestSilentStill.Length.TotalSeconds:0} s from {packets.LongestSilentStill.At.TotalSeconds:0.###} s with no sound: a still held over {SourceLimits.MaxSilentStill.TotalSeconds:0} s in silence is not encoded as video");
        }
    }

    /// <summary>
    /// How fast the pictures really come: the faster of the average over the timeline and the spacing of the faster
    /// frames (a thousand frames in a second hide in the average of an hour), whatever the header declares.
    /// </summary>
    public static double MeasuredFrameRate(PacketScan packets)
    {
        var average = packets.End > TimeSpan.Zero ? packets.VideoPackets / packets.End.TotalSeconds : 0;
        var moving = packets.MovingFrameInterval is { TotalSeconds: > 0 } interval ? 1 / interval.TotalSeconds : 0;
        return Math.Max(average, moving);
    }

    private static JobException Refuse(FormattableString message) => JobException.BadInput(message.ToString(CultureInfo.InvariantCulture));
}
