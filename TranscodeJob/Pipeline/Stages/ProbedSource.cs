using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>The source in the workspace, as ffmpeg opens it, and what probing found in it (within the limits).</summary>
internal sealed record ProbedSource(SourceInput Input, SourceMedia Media)
{
    /// <summary>
    /// The source as ffmpeg opens it once probed: its timeline from its first picture or sound
    /// (<see cref="SourceInput.LeadIn"/>), and its keyframes where its demuxer's seeks need them, an MPEG system
    /// stream's (<see cref="SourceInput.SeekKeyframes"/>).
    /// </summary>
    public static ProbedSource Of(SourceInput input, SourceMedia media) =>
        new(input with
        {
            LeadIn = media.LeadIn,
            SeekKeyframes = KeyframeSeeking.KeyframesFor(media.Container, media.Packets?.Keyframes),
        }, media);
}
