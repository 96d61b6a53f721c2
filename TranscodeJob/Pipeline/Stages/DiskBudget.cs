using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>How much free disk the workspace needs before a stage writes into it: refused early, not half-way.</summary>
internal static class DiskBudget
{
    private const long HeadroomBytes = 64 * 1024 * 1024;

    public static long ForSource(long sourceBytes) => sourceBytes + HeadroomBytes;

    // The caps bound the tracks; the progressive copies (of the H.264 renditions) hold the video again with the default
    // audio (one M4A of it for an audio-only source).
    public static long ForOutputs(IReadOnlyList<RenditionPlan> plans, AudioTracks audio, TimeSpan duration, StreamingFormats formats)
    {
        var video = plans.Sum(p => p.VideoKbps);
        var tracks = video + audio.Kept.Sum(a => a.Kbps);
        var h264 = plans.Where(p => p.Codec == VideoCodecs.H264).ToList();
        var progressive = formats.HasFlag(StreamingFormats.Mp4) ? h264.Sum(p => p.VideoKbps) + (audio.Default?.Kbps ?? 0) * Math.Max(1, h264.Count) : 0;
        return HeadroomBytes + (long)((tracks + progressive) * 1000.0 / 8 * duration.TotalSeconds * 1.1);
    }
}
