using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Pipeline;

/// <param name="JobId">The dispatcher's job id, or null to derive one from the source.</param>
/// <param name="Parallelism">ffmpeg processes at once in per-rendition mode.</param>
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

    public EncodeMode EncodeMode { get; init; } = Settings.JobDefaults.EncodeMode;

    public StreamingFormats Formats { get; init; } = JobSpec.DefaultFormats;

    /// <summary>The video codecs the job was told to make; null: the upload's metadata, else the ladder's.</summary>
    public VideoCodecs? Codecs { get; init; }

    /// <summary>Whether every rendition's SSIM and PSNR are measured after the encode (<c>QUALITY</c>).</summary>
    public bool MeasureQuality { get; init; } = Settings.JobDefaults.Quality == "on";

    /// <summary>A longer source is bad input (see <see cref="Settings.JobDefaults.MaxSourceSeconds"/>).</summary>
    public TimeSpan MaxSourceDuration { get; init; } = TimeSpan.FromSeconds(Settings.JobDefaults.MaxSourceSeconds);

    /// <summary>How much work one upload may ask for (pixels, frames, rates).</summary>
    public SourceLimits Limits { get; init; } = SourceLimits.Default;

    /// <summary>The upload the job was started for; null when run by hand (whatever is in place is transcoded).</summary>
    public SourceRevision? Revision { get; init; }

    /// <summary>
    /// The latest moment the encode may end (the message's 12-hour visibility ceiling less a finishing allowance); an
    /// encode that cannot make it is refused as soon as its measured speed says so. Null: no limit (run by hand).
    /// </summary>
    public DateTimeOffset? EncodeDeadline { get; init; }

    /// <summary>Whether the job was told which renditions to make (then the upload's metadata does not choose them).</summary>
    public bool RenditionsGiven { get; init; }

    /// <summary>Whether the job was told which formats to make.</summary>
    public bool FormatsGiven { get; init; }

    /// <summary>The uploader's text, copied into the manifest.</summary>
    public string? Passthrough { get; init; }
}
