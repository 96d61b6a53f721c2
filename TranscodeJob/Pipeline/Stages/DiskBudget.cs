using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>How much free disk the workspace needs before a stage writes into it: refused early, not half-way.</summary>
internal static class DiskBudget
{
    private const long HeadroomBytes = 64 * 1024 * 1024;

    public static long ForSource(long sourceBytes) => sourceBytes + HeadroomBytes;

    // The caps bound the tracks; the progressive copies (of the H.264 renditions) hold the same bytes again.
    public static long ForOutputs(IReadOnlyList<RenditionPlan> plans, TimeSpan duration, StreamingFormats formats) =>
        HeadroomBytes + (long)(plans.Sum(p => (p.VideoKbps + p.AudioKbps) * 1000.0 / 8
                                              * (formats.HasFlag(StreamingFormats.Mp4) && p.Codec == VideoCodecs.H264 ? 2 : 1))
                               * duration.TotalSeconds * 1.1);
}
