namespace Transcoder.TranscodeJob.Settings;

/// <summary>What the command line said, before environment fallbacks and validation.</summary>
internal sealed record CliValues(
    string? Input = null,
    string? Output = null,
    string? Renditions = null,
    string? Ladder = null,
    string? WorkDir = null,
    int? Parallelism = null,
    bool Verbose = false,
    string? JobId = null,
    string? EncodeMode = null,
    string? Formats = null,
    int? MaxDurationSeconds = null,
    string? Quality = null,
    string? LadderMode = null,
    string? Codecs = null);
