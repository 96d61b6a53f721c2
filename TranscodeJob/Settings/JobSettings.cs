using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Limits;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>Everything the job was asked to do, validated: the dispatcher's spec and the job's own settings.</summary>
/// <param name="Ladder">The ladder, already narrowed to the spec's renditions.</param>
/// <param name="LogFormat">Null: JSON unless stdout is a terminal.</param>
/// <param name="Lease">Null when run by hand: no queue calls.</param>
internal sealed record JobSettings(
    JobSpec Spec,
    Ladder Ladder,
    string WorkDir,
    int Parallelism,
    bool Verbose,
    LogFormat? LogFormat,
    LeaseSettings? Lease)
{
    public InputLocation Input => Spec.Source;

    public OutputLocation Output => Spec.Output;

    public string? JobId => Spec.JobId;

    /// <summary>What is made when the upload's metadata does not choose (see <see cref="JobSpec.Formats"/>).</summary>
    public StreamingFormats Formats => Spec.Formats ?? JobSpec.DefaultFormats;

    public required EncodeMode EncodeMode { get; init; }

    /// <summary>Whether every rendition's SSIM and PSNR are measured after the encode.</summary>
    public bool MeasureQuality { get; init; } = JobDefaults.Quality == "on";

    public required TimeSpan MaxSourceDuration { get; init; }

    /// <summary>How much work one upload may ask for.</summary>
    public SourceLimits Limits { get; init; } = SourceLimits.Default;

    public EventSettings Events { get; init; } = EventSettings.None;

    /// <summary>When a long source is cut into chunks encoded by tasks of their own.</summary>
    public SplitSettings Split { get; init; } = SplitSettings.Default;

    /// <summary>Whether one EMF line is written at the end (when the logs are JSON).</summary>
    public bool EmitMetrics { get; init; } = JobDefaults.Metrics != "off";
}
