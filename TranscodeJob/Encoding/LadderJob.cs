using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Encoding;

/// <summary>What an encoder is asked to make: the plans, the shared audio and the storyboard, into the workspace.</summary>
internal sealed record LadderJob(
    string InputPath,
    SourceMedia Source,
    IReadOnlyList<RenditionPlan> Plans,
    AudioPlan? Audio,
    StoryboardPlan Storyboard,
    EncoderSettings Encoder,
    JobWorkspace Workspace,
    ProgressBoard Board);
