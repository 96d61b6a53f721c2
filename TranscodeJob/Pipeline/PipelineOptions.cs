using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline;

/// <param name="JobId">The dispatcher's job id, or null to derive one from the source.</param>
/// <param name="Parallelism">ffmpeg processes at once in per-rendition mode, and progressive copies at once.</param>
/// <param name="Terminal">stderr when it is a terminal (a redrawn progress line), else null (progress log lines).</param>
internal sealed record PipelineOptions(
    string? JobId,
    Ladder Ladder,
    string WorkDir,
    int Parallelism,
    TextWriter? Terminal = null)
{
    /// <summary>How often a container logs encoding progress.</summary>
    public TimeSpan ProgressLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    public EncodeMode EncodeMode { get; init; } = EncodeMode.Single;

    public StreamingFormats Formats { get; init; } = StreamingFormats.All;

    /// <summary>A longer source is bad input (see <see cref="Settings.JobSettingsResolver.DefaultMaxSourceSeconds"/>).</summary>
    public TimeSpan MaxSourceDuration { get; init; } = TimeSpan.FromSeconds(Settings.JobSettingsResolver.DefaultMaxSourceSeconds);
}
