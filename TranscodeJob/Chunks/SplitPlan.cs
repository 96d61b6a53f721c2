using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Analysis;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Manifest;
using Transcoder.TranscodeJob.Pipeline.Stages;
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
/// <param name="Duration">The source's duration as probed (the storyboard's last cue ends there).</param>
/// <param name="Demuxer">The demuxer the source was probed with; a chunk opens it with that one.</param>
/// <param name="Renditions">The planned rungs, best first, with the source's duration and held last frame.</param>
/// <param name="Audio">The audio renditions (every kept track, and those skipped, with why), encoded whole by the first
/// job; none for a silent source.</param>
/// <param name="Decision">The per-title ladder's choices (each kept rung's factor is in its plan already, the rungs
/// dropped, the analysis), made once by the first job: every chunk encodes the same rungs at the same factors, and the
/// manifest records them as a whole-source job's does; null for the fixed ladder.</param>
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
    TimeSpan Duration,
    string Demuxer,
    int VideoStreamIndex,
    TimeSpan LeadIn,
    long MaxPixelsPerFrame,
    IReadOnlyList<RenditionPlan> Renditions,
    AudioTracks Audio,
    LadderDecision? Decision,
    EncoderSettings Encoder,
    IReadOnlyList<ChunkRange> Chunks,
    StoryboardPlan Storyboard,
    string Formats,
    string? Passthrough,
    DateTimeOffset CreatedAt)
{
    public const string FileName = "plan.json";

    /// <summary>
    /// The source's keyframes that the chunks' seeks read from, when its demuxer cannot find them itself (MPEG-TS and
    /// MPEG-PS, <see cref="SourceInput.SeekKeyframes"/>): the last one before each chunk's first frame; null when it can.
    /// </summary>
    public IReadOnlyList<TimeSpan>? SeekKeyframes { get; init; }

    /// <summary>What a whole-source job decided, with its chunks: the plan its parts share.</summary>
    public static SplitPlan Create(
        JobSubject subject, ProbedSource probed, PlannedLadder plan, IReadOnlyList<ChunkRange> chunks, DateTimeOffset createdAt)
    {
        var media = probed.Media;
        var top = plan.Plans[0];
        return new SplitPlan(
            IdOf(subject.Fingerprint),
            subject.JobId,
            subject.Fingerprint,
            subject.Source.Revision.ToString(),
            ManifestBuilder.SourceOf(subject.Source, subject.Fingerprint, media),
            media.Duration,
            RemoteSource.DemuxerOf(media.Container),
            media.Video!.Index,
            probed.Input.LeadIn,
            probed.Input.MaxPixelsPerFrame,
            plan.Plans,
            plan.Audio,
            plan.Decision,
            plan.Encoder,
            chunks,
            StoryboardPlan.For(media.Duration, top.Width, top.Height),
            StreamingFormatList.Format(subject.Request.Formats),
            subject.Request.Passthrough,
            createdAt)
        {
            SeekKeyframes = SeekKeyframesFor(probed.Input, chunks, plan.Grid),
        };
    }

    /// <summary>The keyframes of <paramref name="input"/> that the seeks of <paramref name="chunks"/> read from (<see cref="SeekKeyframes"/>).</summary>
    public static IReadOnlyList<TimeSpan>? SeekKeyframesFor(SourceInput input, IEnumerable<ChunkRange> chunks, KeyframeGrid grid) =>
        KeyframeSeeking.Only(input.SeekKeyframes, chunks.Select(c => c.SeekIn(grid)).OfType<TimeSpan>());

    /// <summary>The plan's id: 16 hexadecimal digits of a digest of the fingerprint (one upload, one request).</summary>
    public static string IdOf(string fingerprint) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 8));

    /// <summary>The upload the plan is for.</summary>
    public SourceRevision UploadRevision => SourceRevision.Parse(Revision);

    /// <summary>The deliverables asked for.</summary>
    public StreamingFormats Deliverables => StreamingFormatList.Parse(Formats, []);

    /// <summary>The planned ladder as the encode stages take it.</summary>
    public PlannedLadder Ladder => new(Renditions, Audio, Encoder) { Decision = Decision };

    /// <summary>The grid every chunk cuts and numbers its keyframes on.</summary>
    public KeyframeGrid Grid => Ladder.Grid;

    /// <summary>The frames of the whole output.</summary>
    public long Frames => Chunks[^1].EndFrame;
}
