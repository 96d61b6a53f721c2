using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>Everything the job was asked to do, validated.</summary>
/// <param name="LogFormat">Null: JSON unless stdout is a terminal.</param>
/// <param name="Lease">Null when run by hand: no queue calls.</param>
internal sealed record JobSettings(
    InputLocation Input,
    OutputLocation Output,
    string? JobId,
    Ladder Ladder,
    string WorkDir,
    int Parallelism,
    bool Verbose,
    LogFormat? LogFormat,
    LeaseSettings? Lease)
{
    public EncodeMode EncodeMode { get; init; } = EncodeMode.Single;

    public StreamingFormats Formats { get; init; } = StreamingFormats.All;

    public TimeSpan MaxSourceDuration { get; init; } = TimeSpan.FromSeconds(JobSettingsResolver.DefaultMaxSourceSeconds);
}
