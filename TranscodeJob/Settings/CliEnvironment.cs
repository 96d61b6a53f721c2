using Transcoder.Shared;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Settings;

/// <summary>
/// Maps the command line onto the environment names the dispatcher sets, so that one parser
/// (<see cref="JobSpecParser"/>) reads both: an option replaces its variable, and a source or output given on the
/// command line replaces every variable of the other form (a local <c>--input</c> drops <c>SOURCE_BUCKET</c>).
/// </summary>
internal static class CliEnvironment
{
    private static readonly string[] SourceNames =
        [JobEnvironment.SourceFile, JobEnvironment.SourceBucket, JobEnvironment.SourceKey, JobEnvironment.SourceRevision];

    private static readonly string[] OutputNames =
        [JobEnvironment.OutputDir, JobEnvironment.OutputBucket, JobEnvironment.OutputPrefix];

    public static IReadOnlyDictionary<string, string> Overlay(CliValues cli, IReadOnlyDictionary<string, string> environment)
    {
        var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(cli.Input))
        {
            Replace(merged, SourceNames, S3Uri.IsS3(cli.Input)
                ? S3Pair(cli.Input, JobEnvironment.SourceBucket, JobEnvironment.SourceKey)
                : [new(JobEnvironment.SourceFile, Path.GetFullPath(cli.Input))]);
        }

        if (!string.IsNullOrEmpty(cli.Output))
        {
            Replace(merged, OutputNames, S3Uri.IsS3(cli.Output)
                ? S3Pair(cli.Output, JobEnvironment.OutputBucket, JobEnvironment.OutputPrefix)
                : [new(JobEnvironment.OutputDir, Path.GetFullPath(cli.Output))]);
        }

        Set(merged, JobEnvironment.Renditions, cli.Renditions);
        Set(merged, JobEnvironment.Formats, cli.Formats);
        Set(merged, JobEnvironment.Codecs, cli.Codecs);
        Set(merged, JobEnvironment.JobId, cli.JobId);
        Set(merged, JobEnvironment.EncodeMode, cli.EncodeMode);
        Set(merged, JobEnvironment.Quality, cli.Quality);
        Set(merged, JobEnvironment.LadderMode, cli.LadderMode);
        Set(merged, JobEnvironment.LadderFile, cli.Ladder);
        Set(merged, JobEnvironment.WorkDir, cli.WorkDir);
        Set(merged, JobEnvironment.Parallelism, cli.Parallelism?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(merged, JobEnvironment.MaxSourceSeconds, cli.MaxDurationSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (cli.Verbose)
        {
            merged[JobEnvironment.Verbose] = "true";
        }

        return merged;
    }

    // Both names are set even when the URI lacks a part (s3://bucket), so that the parser reports "expected
    // s3://bucket/key" for what was typed rather than "no input".
    private static KeyValuePair<string, string>[] S3Pair(string uri, string bucketName, string keyName)
    {
        S3Uri.TryParse(uri, out var bucket, out var key);
        return [new(bucketName, bucket), new(keyName, key)];
    }

    private static void Replace(Dictionary<string, string> merged, string[] names, KeyValuePair<string, string>[] values)
    {
        foreach (var name in names)
        {
            merged.Remove(name);
        }

        foreach (var (name, value) in values)
        {
            merged[name] = value;
        }
    }

    private static void Set(Dictionary<string, string> merged, string name, string? value)
    {
        if (value is not null)
        {
            merged[name] = value;
        }
    }
}
