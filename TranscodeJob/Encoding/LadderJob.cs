using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>What an encoder is asked to make: the plans and the shared audio, into the workspace.</summary>
internal sealed record LadderJob(
    SourceInput Input,
    int VideoStreamIndex,
    IReadOnlyList<RenditionPlan> Plans,
    AudioPlan? Audio,
    EncoderSettings Encoder,
    JobWorkspace Workspace,
    ProgressBoard Board);
