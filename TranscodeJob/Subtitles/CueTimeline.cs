using Transcoder.Shared.Captions;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Subtitles;

/// <summary>
/// Puts cues on the outputs' timeline: shifted from the source's clock to the outputs' zero (the container's start
/// plus the lead-in before the first picture or sound, as the encode shifts it), then cut to the media's span. A cue
/// that ends before the picture starts or begins after the media ends is dropped; one that straddles an end is cut
/// there. Subtitles never lengthen the encode (the span comes from the picture and the sound), and they never reach
/// past it either.
/// </summary>
internal static class CueTimeline
{
    /// <param name="shift">Subtracted from every cue: where the outputs' zero is on the cues' clock.</param>
    /// <param name="span">The media's duration: cues are kept within [0, span].</param>
    public static IReadOnlyList<Cue> Place(IEnumerable<Cue> cues, TimeSpan shift, TimeSpan span) =>
        [.. cues
            .Select(cue => cue with { Start = Clamp(cue.Start - shift, span), End = Clamp(cue.End - shift, span) })
            .Where(cue => cue.End > cue.Start)
            .OrderBy(cue => cue.Start)];

    /// <summary>
    /// Where the outputs' zero lies on the source's clock: the container's start (ffmpeg's output zero) plus the lead-in
    /// before the first picture or sound, by which the encode shifts its input (<c>-itsoffset</c>).
    /// </summary>
    public static TimeSpan OutputsZero(SourceMedia media) => (media.ContainerStart ?? TimeSpan.Zero) + media.LeadIn;

    private static TimeSpan Clamp(TimeSpan time, TimeSpan span) => time < TimeSpan.Zero ? TimeSpan.Zero : time > span ? span : time;
}
