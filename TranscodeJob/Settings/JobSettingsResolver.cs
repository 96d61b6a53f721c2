using System.Globalization;
using System.Text.RegularExpressions;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Queue;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>
/// Merges the command line with its environment fallbacks (the command line wins) and validates the result,
/// reporting every problem at once.
/// </summary>
internal static partial class JobSettingsResolver
{
    public const int MaxParallelism = 16;

    /// <summary>
    /// Four hours: a feature film or a long recording fits; an upload whose timestamps claim days is refused before it
    /// costs anything. Raise it (and the task's disk) for longer sources.
    /// </summary>
    public const int DefaultMaxSourceSeconds = 4 * 3600;

    /// <summary>
    /// Two ffmpeg processes at a time in per-rendition mode (and two progressive copies at a time). Measured with
    /// bench/Transcoder.Bench.Job on a 2-core machine when per-rendition was the only mode: one after another left
    /// cores idle on the smaller rungs, two was 15-25% faster, three or four added only memory. The default single
    /// pass decodes once and keeps every core busy by itself.
    /// </summary>
    public static int DefaultParallelism(int cores) => cores <= 1 ? 1 : 2;

    public static JobSettings Resolve(CliValues cli, IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<string>();
        string? Env(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var input = ResolveInput(cli.Input, Env(JobEnvironment.SourceBucket)?.Trim(), Env(JobEnvironment.SourceKey), problems);
        var output = ResolveOutput(cli.Output, Env(JobEnvironment.OutputBucket)?.Trim(), Env(JobEnvironment.OutputPrefix), problems);
        var ladder = ResolveLadder(cli.Ladder ?? Env(JobEnvironment.LadderFile), cli.Renditions ?? Env(JobEnvironment.Renditions), problems);

        var parallelism = cli.Parallelism ?? ParseInt(Env(JobEnvironment.Parallelism), JobEnvironment.Parallelism, problems)
                          ?? DefaultParallelism(Environment.ProcessorCount);
        if (parallelism is < 1 or > MaxParallelism)
        {
            problems.Add($"parallelism {parallelism} is outside 1..{MaxParallelism}");
        }

        var jobId = cli.JobId ?? Env(JobEnvironment.JobId)?.Trim();
        if (jobId is not null && !SafeJobId().IsMatch(jobId))
        {
            problems.Add($"job id '{jobId}' must be 1-128 letters, digits, '.', '_' or '-'");
        }

        var logFormat = Env(JobEnvironment.LogFormat)?.Trim().ToLowerInvariant() switch
        {
            null => (LogFormat?)null,
            "json" => LogFormat.Json,
            "text" => LogFormat.Text,
            var other => Problem<LogFormat?>(problems, $"{JobEnvironment.LogFormat}={other}: use json or text"),
        };

        var encodeMode = (cli.EncodeMode ?? Env(JobEnvironment.EncodeMode))?.Trim().ToLowerInvariant() switch
        {
            null or "single" => Encoding.EncodeMode.Single,
            "per-rendition" => Encoding.EncodeMode.PerRendition,
            var other => Problem<EncodeMode>(problems, $"encode mode '{other}': use single or per-rendition"),
        };
        var formats = ResolveFormats(cli.Formats ?? Env(JobEnvironment.Formats), problems);
        var maxSeconds = cli.MaxDurationSeconds ?? ParseInt(Env(JobEnvironment.MaxSourceSeconds), JobEnvironment.MaxSourceSeconds, problems) ?? DefaultMaxSourceSeconds;
        if (maxSeconds < 1)
        {
            problems.Add($"max duration {maxSeconds} s: use a positive number of seconds");
        }

        var lease = ResolveLease(Env(JobEnvironment.QueueUrl)?.Trim(), Env(JobEnvironment.ReceiptHandle), Env(JobEnvironment.HeartbeatSeconds), problems);

        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        return new JobSettings(
            input!,
            output!,
            jobId,
            ladder!,
            Path.GetFullPath(cli.WorkDir ?? Env(JobEnvironment.WorkDir) ?? Path.GetTempPath()),
            parallelism,
            cli.Verbose || Env(JobEnvironment.Verbose)?.Trim().ToLowerInvariant() is "true" or "1" or "yes",
            logFormat,
            lease)
        {
            EncodeMode = encodeMode,
            Formats = formats,
            MaxSourceDuration = TimeSpan.FromSeconds(Math.Max(1, maxSeconds)),
        };
    }

    private static StreamingFormats ResolveFormats(string? list, List<string> problems)
    {
        if (list is null)
        {
            return StreamingFormats.All;
        }

        var formats = StreamingFormats.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= name.ToLowerInvariant() switch
            {
                "hls" => StreamingFormats.Hls,
                "dash" => StreamingFormats.Dash,
                "mp4" => StreamingFormats.Mp4,
                _ => Problem<StreamingFormats>(problems, $"format '{name}': use hls, dash or mp4"),
            };
        }

        return formats == StreamingFormats.None ? Problem<StreamingFormats>(problems, $"formats '{list}': name at least one of hls, dash, mp4") : formats;
    }

    /// <summary>
    /// Just the message lease, or null: after a usage error the job still puts its message back (a task with bad
    /// settings is a broken deployment; the message must reach the DLQ, not vanish or wait out its timeout).
    /// </summary>
    public static LeaseSettings? TryResolveLease(IReadOnlyDictionary<string, string> environment)
    {
        string? Env(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var problems = new List<string>();
        var lease = ResolveLease(Env(JobEnvironment.QueueUrl)?.Trim(), Env(JobEnvironment.ReceiptHandle), Env(JobEnvironment.HeartbeatSeconds), problems);
        return problems.Count == 0 ? lease : null;
    }

    private static InputLocation? ResolveInput(string? cliInput, string? bucket, string? key, List<string> problems)
    {
        if (!string.IsNullOrEmpty(cliInput))
        {
            if (!S3Uri.IsS3(cliInput))
            {
                return new LocalInput(Path.GetFullPath(cliInput));
            }

            if (S3Uri.TryParse(cliInput, out var inputBucket, out var inputKey) && inputKey.Length > 0 && !inputKey.EndsWith('/'))
            {
                return new S3Input(inputBucket, inputKey);
            }

            return Problem<InputLocation>(problems, $"--input {cliInput}: expected s3://bucket/key naming one object");
        }

        if (bucket is not null && key is not null)
        {
            return new S3Input(bucket, key);
        }

        return Problem<InputLocation>(problems, (bucket, key) switch
        {
            (null, null) => $"no input: pass --input <file|s3://bucket/key> or set {JobEnvironment.SourceBucket} and {JobEnvironment.SourceKey}",
            (null, _) => $"{JobEnvironment.SourceKey} is set but {JobEnvironment.SourceBucket} is not",
            _ => $"{JobEnvironment.SourceBucket} is set but {JobEnvironment.SourceKey} is not",
        });
    }

    private static OutputLocation? ResolveOutput(string? cliOutput, string? bucket, string? prefix, List<string> problems)
    {
        if (!string.IsNullOrEmpty(cliOutput))
        {
            if (!S3Uri.IsS3(cliOutput))
            {
                return new LocalOutput(Path.GetFullPath(cliOutput));
            }

            return S3Uri.TryParse(cliOutput, out var outputBucket, out var outputPrefix)
                ? S3Output.Create(outputBucket, outputPrefix)
                : Problem<OutputLocation>(problems, $"--output {cliOutput}: expected s3://bucket or s3://bucket/prefix");
        }

        if (bucket is not null)
        {
            return S3Output.Create(bucket, prefix);
        }

        return Problem<OutputLocation>(problems, prefix is null
            ? $"no output: pass --output <dir|s3://bucket/prefix> or set {JobEnvironment.OutputBucket} (and optionally {JobEnvironment.OutputPrefix})"
            : $"{JobEnvironment.OutputPrefix} is set but {JobEnvironment.OutputBucket} is not");
    }

    private static Ladder? ResolveLadder(string? ladderFile, string? renditions, List<string> problems)
    {
        try
        {
            var ladder = ladderFile is null ? Ladder.Default : LadderFile.Load(ladderFile);
            var names = (renditions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return names.Length == 0 ? ladder : ladder.Select(names);
        }
        catch (UsageException exception)
        {
            problems.AddRange(exception.Problems);
            return null;
        }
    }

    private static LeaseSettings? ResolveLease(string? queueUrl, string? receiptHandle, string? heartbeatSeconds, List<string> problems)
    {
        var seconds = ParseInt(heartbeatSeconds, JobEnvironment.HeartbeatSeconds, problems);
        if (seconds is < 1 or > 3600)
        {
            problems.Add($"{JobEnvironment.HeartbeatSeconds}={seconds} is outside 1..3600");
        }

        return (queueUrl, receiptHandle) switch
        {
            (null, null) => null,
            (not null, not null) => new LeaseSettings(
                queueUrl,
                receiptHandle,
                seconds is { } s ? LeaseTimings.FromInterval(TimeSpan.FromSeconds(s)) : LeaseTimings.Default),
            (null, _) => Problem<LeaseSettings>(problems, $"{JobEnvironment.ReceiptHandle} is set but {JobEnvironment.QueueUrl} is not"),
            _ => Problem<LeaseSettings>(problems, $"{JobEnvironment.QueueUrl} is set but {JobEnvironment.ReceiptHandle} is not"),
        };
    }

    private static int? ParseInt(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add($"{name}={value} is not a whole number");
        return null;
    }

    private static T? Problem<T>(List<string> problems, string problem)
    {
        problems.Add(problem);
        return default;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafeJobId();
}
