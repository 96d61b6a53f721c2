using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>How much free disk the workspace needs before a stage writes into it: refused early, not half-way.</summary>
internal static class DiskBudget
{
    private const long HeadroomBytes = 64 * 1024 * 1024;

    public static long ForSource(long sourceBytes) => sourceBytes + HeadroomBytes;

    // The caps bound the tracks; the progressive copies hold the video again with the default audio (one M4A of it
    // for an audio-only source).
    public static long ForOutputs(IReadOnlyList<RenditionPlan> plans, AudioTracks audio, TimeSpan duration, StreamingFormats formats)
    {
        var video = plans.Sum(p => p.VideoKbps);
        var tracks = video + audio.Kept.Sum(a => a.Kbps);
        var progressive = formats.HasFlag(StreamingFormats.Mp4) ? video + (audio.Default?.Kbps ?? 0) * Math.Max(1, plans.Count) : 0;
        return HeadroomBytes + (long)((tracks + progressive) * 1000.0 / 8 * duration.TotalSeconds * 1.1);
    }
}
