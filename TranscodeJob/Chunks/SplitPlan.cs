using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// What the first job of a long source decided, for the chunks and the assembler: <c>plan.json</c> in the work area.
/// A chunk reads only its part of the source, so it cannot probe it: everything that a whole-source job learns from
/// its probe and plan, and that the parts must agree on, is here, once.
/// </summary>
/// <param name="PlanId">The plan's id: the work area's folder and every chunk message's <c>plan</c>.</param>
/// <param name="JobId">The job's id as the first job had it: in the manifest and the events.</param>
/// <param name="Fingerprint">The manifest's fingerprint: the upload's revision and the request.</param>
/// <param name="Revision">The upload the plan is for (<c>version:…</c>, <c>etag:…</c>): a later one supersedes it.</param>
/// <param name="Source">The manifest's description of the source.</param>
/// <param name="Demuxer">The demuxer the source was probed with; a chunk opens it with that one.</param>
/// <param name="Renditions">The planned rungs, best first, with the source's duration and held last frame.</param>
/// <param name="Audio">The one audio rendition, encoded whole by the first job; null for a silent source.</param>
/// <param name="Chunks">The chunks, in order, covering every frame of the output once.</param>
/// <param name="Storyboard">The storyboard: each chunk makes the thumbnails whose frames are its own.</param>
/// <param name="Formats">The deliverables asked for (<c>hls,dash,mp4</c>).</param>
/// <param name="CreatedAt">When the source was cut: the job's encode time is counted from here.</param>
internal sealed record SplitPlan(
    string PlanId,
    string JobId,
    string Fingerprint,
    string Revision,
    ManifestSource Source,
    string Demuxer,
    int VideoStreamIndex,
    TimeSpan LeadIn,
    long MaxPixelsPerFrame,
    IReadOnlyList<RenditionPlan> Renditions,
    AudioPlan? Audio,
    EncoderSettings Encoder,
    IReadOnlyList<ChunkRange> Chunks,
    StoryboardPlan Storyboard,
    string Formats,
    string? Passthrough,
    DateTimeOffset CreatedAt)
{
    public const string FileName = "plan.json";

    /// <summary>The grid every chunk cuts and numbers its keyframes on.</summary>
    public KeyframeGrid Grid => new(Renditions[0].FrameRate, Encoder.GopSeconds);

    /// <summary>The frames of the whole output.</summary>
    public long Frames => Chunks[^1].EndFrame;
}
