using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Probing;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>The source in the workspace, as ffmpeg opens it, and what probing found in it (within the limits).</summary>
internal sealed record ProbedSource(SourceInput Input, SourceMedia Media);
