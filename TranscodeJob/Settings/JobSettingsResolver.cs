using Transcoder.Shared;
using Transcoder.Shared.Hosting;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Settings;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Limits;
using Transcoder.TranscodeJob.Queue;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>
/// Merges the command line with the environment (the command line wins, see <see cref="CliEnvironment"/>), reads the
/// dispatcher's part with <see cref="JobSpecParser"/> and the job's own settings with the same
/// <see cref="SettingReader"/>, and reports every problem at once.
/// </summary>
internal static class JobSettingsResolver
{
    public static JobSettings Resolve(CliValues cli, IReadOnlyDictionary<string, string> environment)
    {
        var merged = CliEnvironment.Overlay(cli, environment);
        var reader = new SettingReader(merged);
        var problems = new List<string>();

        var ladder = LoadLadder(reader.Text(JobEnvironment.LadderFile), problems);
        var parse = JobSpecParser.Parse(merged, ladder?.Renditions.Select(r => r.Name).ToList() ?? []);
        problems.AddRange(parse.Problems);

        var parallelism = reader.Integer(JobEnvironment.Parallelism, JobDefaults.Parallelism(Environment.ProcessorCount), 1, JobDefaults.MaxParallelism);
        var logFormat = reader.Text(JobEnvironment.LogFormat) is null
            ? (LogFormat?)null
            : reader.Choice(JobEnvironment.LogFormat, "json", "json", "text") == "text" ? LogFormat.Text : LogFormat.Json;
        var encodeMode = JobDefaults.EncodeModes[reader.Choice(JobEnvironment.EncodeMode, JobDefaults.EncodeModeName, [.. JobDefaults.EncodeModes.Keys])];
        var maxSeconds = reader.Integer(JobEnvironment.MaxSourceSeconds, JobDefaults.MaxSourceSeconds, 1, int.MaxValue);
        var limits = new SourceLimits(
            reader.Long(JobEnvironment.MaxPixelsPerFrame, SourceLimits.DefaultMaxPixelsPerFrame, 256, long.MaxValue / 1000),
            reader.Long(JobEnvironment.MaxPixelsPerSecond, SourceLimits.DefaultMaxPixelsPerSecond, 256, long.MaxValue / 1000),
            reader.Integer(JobEnvironment.MaxFrameRate, SourceLimits.DefaultMaxFrameRate, 1, 100_000),
            reader.Long(JobEnvironment.MaxSourceFrames, SourceLimits.DefaultMaxFrames, 1, long.MaxValue / 1000));
        var verbose = reader.Flag(JobEnvironment.Verbose, JobDefaults.Verbose);
        var heartbeat = reader.Integer(JobEnvironment.HeartbeatSeconds, JobDefaults.HeartbeatSeconds, 1, 3600);
        var metrics = reader.Choice(JobEnvironment.Metrics, JobDefaults.Metrics, "emf", "off");
        var quality = reader.Choice(JobEnvironment.Quality, JobDefaults.Quality, "on", "off");
        var ladderMode = reader.Text(JobEnvironment.LadderMode) is null
            ? ladder?.Mode
            : LadderModes.ByName[reader.Choice(JobEnvironment.LadderMode, JobDefaults.LadderModeName, [.. LadderModes.ByName.Keys])];
        var events = ReadEvents(reader);
        var split = new SplitSettings(
            reader.Integer(JobEnvironment.SplitAboveSeconds, SplitSettings.DefaultAboveSeconds, 1, int.MaxValue),
            reader.Integer(JobEnvironment.ChunkSeconds, SplitSettings.DefaultChunkSeconds, 1, int.MaxValue),
            reader.Integer(JobEnvironment.MaxChunks, SplitSettings.DefaultMaxChunks, 2, JobChunk.MaxCount));
        problems.AddRange(reader.Errors);

        if (problems.Count > 0 || parse.Spec is not { } spec || ladder is null)
        {
            throw new UsageException(problems);
        }

        ladder = ladder with { Mode = ladderMode ?? ladder.Mode };
        return new JobSettings(
            spec,
            spec.Renditions.Count == 0 ? ladder : ladder.Select(spec.Renditions),
            Path.GetFullPath(reader.Text(JobEnvironment.WorkDir) ?? JobDefaults.WorkDir),
            parallelism,
            verbose,
            logFormat,
            spec.Lease is { } lease ? new LeaseSettings(lease.QueueUrl, lease.ReceiptHandle, LeaseTimings.FromInterval(TimeSpan.FromSeconds(heartbeat)), lease.Ceiling) : null)
        {
            EncodeMode = encodeMode,
            MaxSourceDuration = TimeSpan.FromSeconds(maxSeconds),
            Limits = limits,
            Events = events,
            EmitMetrics = metrics != "off",
            MeasureQuality = quality == "on",
            Split = split,
        };
    }

    // The secret is what lets a receiver tell the job's POST from anyone else's: a webhook without one is refused.
    private static EventSettings ReadEvents(SettingReader reader)
    {
        var queueUrl = reader.Text(JobEnvironment.ResultsQueueUrl);
        if (queueUrl is not null && !Uri.TryCreate(queueUrl, UriKind.Absolute, out _))
        {
            reader.Error($"{JobEnvironment.ResultsQueueUrl} must be a queue URL, not '{queueUrl}'");
        }

        Uri? webhook = null;
        if (reader.Text(JobEnvironment.WebhookUrl) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out webhook) || webhook.Scheme is not ("https" or "http"))
            {
                reader.Error($"{JobEnvironment.WebhookUrl} must be an http(s) URL, not '{text}'");
                webhook = null;
            }
        }

        var secret = reader.Raw(JobEnvironment.WebhookSecret);
        if (reader.Text(JobEnvironment.WebhookUrl) is not null && secret is null)
        {
            reader.Error($"{JobEnvironment.WebhookSecret} is required with {JobEnvironment.WebhookUrl}: receivers verify the signature with it");
        }

        return new EventSettings(queueUrl, webhook, secret);
    }

    /// <summary>
    /// Just the message lease, or null: after a usage error the job still puts its message back (see
    /// <see cref="ExitCodes.FateOf"/>), so it must find the message even when the rest of the spec is wrong.
    /// </summary>
    public static LeaseSettings? TryResolveLease(IReadOnlyDictionary<string, string> environment) =>
        JobSpecParser.Parse(environment, []).Lease is { } lease
            ? new LeaseSettings(lease.QueueUrl, lease.ReceiptHandle, LeaseTimings.FromInterval(TimeSpan.FromSeconds(JobDefaults.HeartbeatSeconds)), lease.Ceiling)
            : null;

    private static Ladder? LoadLadder(string? ladderFile, List<string> problems)
    {
        try
        {
            return ladderFile is null ? Ladder.Default : LadderFile.Load(ladderFile);
        }
        catch (UsageException exception)
        {
            problems.AddRange(exception.Problems);
            return null;
        }
    }
}
