using System.Globalization;
using System.Text.RegularExpressions;
using Transcoder.Shared.Settings;

namespace Transcoder.Shared.Jobs;

/// <summary>
/// Reads a <see cref="JobSpec"/> from the job's environment and checks one, reporting every problem at once. The
/// dispatcher runs the same checks before it starts a task, so that a bad option costs no task.
/// </summary>
public static partial class JobSpecParser
{
    /// <summary>Reads and checks the spec in <paramref name="environment"/>.</summary>
    /// <param name="ladderNames">Rendition names the ladder has besides the height-shaped ones (see <see cref="RenditionNames"/>).</param>
    public static JobSpecParse Parse(IReadOnlyDictionary<string, string> environment, IReadOnlyCollection<string> ladderNames)
    {
        var reader = new SettingReader(environment);
        var source = ReadSource(reader);
        var output = ReadOutput(reader);
        var lease = ReadLease(reader);
        var formatProblems = new List<string>();
        var formats = reader.Text(JobEnvironment.Formats) is { } list ? StreamingFormatList.Parse(list, formatProblems) : (StreamingFormats?)null;
        var codecs = reader.Text(JobEnvironment.Codecs) is { } codecList ? VideoCodecList.Parse(codecList, formatProblems) : (VideoCodecs?)null;
        formatProblems.ForEach(reader.Error);
        var attempt = reader.OptionalInteger(JobEnvironment.Attempt, 1, int.MaxValue);
        var kind = ReadKind(reader, source);
        var chunk = ReadChunk(reader);
        var problems = new List<string>(reader.Errors);
        var request = new JobSpec
        {
            // Placeholders while a location is missing (already reported): the rest is still checked, so that one run
            // lists every problem.
            Source = source ?? new LocalInput("-"),
            Kind = kind,
            Revision = reader.Text(JobEnvironment.SourceRevision) is { } revision ? SourceRevision.Parse(revision) : null,
            JobId = reader.Text(JobEnvironment.JobId),
            Output = output ?? new LocalOutput("-"),
            Renditions = RenditionNames.Split(reader.Text(JobEnvironment.Renditions)),
            // A list that named nothing valid was reported above; the default keeps the check below from saying it twice.
            Formats = formats == StreamingFormats.None ? JobSpec.DefaultFormats : formats,
            // A list without h264 was reported above; h264 is added so that the check below does not say it twice.
            Codecs = codecs | VideoCodecs.H264,
            Passthrough = reader.Raw(JobEnvironment.Passthrough),
            Attempt = attempt,
            Lease = lease,
            Chunk = chunk,
        };
        problems.AddRange(Check(request, ladderNames));
        return problems.Count == 0 && source is not null && output is not null
            ? new JobSpecParse(request, [], lease)
            : new JobSpecParse(null, problems, lease);
    }

    /// <summary>Every problem with <paramref name="spec"/>; empty when a job can run it.</summary>
    /// <param name="ladderNames">Rendition names the ladder has besides the height-shaped ones.</param>
    public static IReadOnlyList<string> Check(JobSpec spec, IReadOnlyCollection<string> ladderNames)
    {
        var problems = new List<string>();
        switch (spec.Source)
        {
            case S3Input s3 when s3.Bucket.Length == 0 || s3.Bucket.Contains('/') || s3.Key.Length == 0 || s3.Key.EndsWith('/'):
                problems.Add($"source {s3.Display}: expected s3://bucket/key naming one object");
                break;
            case LocalInput local when local.FullPath.Length == 0:
                problems.Add("source: an empty file name");
                break;
        }

        problems.AddRange(KindProblems(spec));
        if (spec.Output is S3Output output && (output.Bucket.Length == 0 || output.Bucket.Contains('/')))
        {
            problems.Add($"output {spec.Output.Display}: expected s3://bucket or s3://bucket/prefix");
        }

        if (spec.JobId is { } jobId && !SafeJobId().IsMatch(jobId))
        {
            problems.Add($"job id '{jobId}' must be 1-128 letters, digits, '.', '_' or '-'");
        }

        foreach (var name in spec.Renditions)
        {
            if (RenditionNames.Problem(name, ladderNames) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (spec.Formats == StreamingFormats.None)
        {
            problems.Add("formats: name at least one of hls, dash, mp4");
        }

        if (spec.Codecs is { } codecs && !codecs.HasFlag(VideoCodecs.H264))
        {
            problems.Add("codecs: h264 is always made; use h264 or h264,av1");
        }

        if (spec.Passthrough is { } passthrough)
        {
            problems.AddRange(PassthroughProblems(passthrough));
        }

        if (spec.Lease is { QueueUrl: var queueUrl } && !Uri.TryCreate(queueUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{JobEnvironment.QueueUrl} must be a queue URL, not '{queueUrl}'");
        }

        if (spec.Chunk is { } chunk)
        {
            problems.AddRange(ChunkProblems(spec, chunk));
        }

        return problems;
    }

    // A chunk belongs to one upload's split plan, in S3, under the job's id: all three must be named.
    private static IEnumerable<string> ChunkProblems(JobSpec spec, JobChunk chunk)
    {
        foreach (var problem in chunk.Problems())
        {
            yield return problem;
        }

        if (spec.Source is not S3Input || spec.Output is not S3Output)
        {
            yield return $"{chunk.Display}: a chunk reads its source from S3 and writes its parts to S3";
        }

        if (spec.Revision is null || spec.JobId is null)
        {
            yield return $"{chunk.Display}: a chunk names the upload ({JobEnvironment.SourceRevision}) and the job ({JobEnvironment.JobId}) it is part of";
        }
    }

    /// <summary>What is wrong with a passthrough text, wherever it came from (a message, S3 metadata).</summary>
    public static IEnumerable<string> PassthroughProblems(string passthrough)
    {
        if (passthrough.Length > JobSpec.MaxPassthroughLength)
        {
            yield return $"passthrough is {passthrough.Length} characters long; at most {JobSpec.MaxPassthroughLength} are kept";
        }

        if (passthrough.Any(char.IsControl))
        {
            yield return "passthrough holds a control character (a line break, a tab, …): it must fit in one header line";
        }
    }

    // Absent, not blank, tells "not given" apart: the command line maps "--input s3://bucket" onto SOURCE_BUCKET and an
    // empty SOURCE_KEY, which must be reported as a source without a key, not as no source at all.
    private static InputLocation? ReadSource(SettingReader reader)
    {
        var file = reader.Text(JobEnvironment.SourceFile);
        var bucket = reader.Exact(JobEnvironment.SourceBucket);
        var key = reader.Exact(JobEnvironment.SourceKey);
        if (file is not null)
        {
            if (bucket is not null || key is not null)
            {
                reader.Error($"set {JobEnvironment.SourceFile} or {JobEnvironment.SourceBucket} + {JobEnvironment.SourceKey}, not both");
            }

            return new LocalInput(Path.GetFullPath(file));
        }

        if (Together(reader, (JobEnvironment.SourceBucket, bucket), (JobEnvironment.SourceKey, key)) is { } s3)
        {
            return new S3Input(s3.First.Trim(), s3.Second);
        }

        if (bucket is null && key is null)
        {
            reader.Error($"no input: pass --input <file|s3://bucket/key> or set {JobEnvironment.SourceBucket} and {JobEnvironment.SourceKey}");
        }

        return null;
    }

    // Given, or what the source's name asks for (a caption file by the naming rule is attached, anything else transcoded).
    private static JobKind ReadKind(SettingReader reader, InputLocation? source)
    {
        if (reader.Text(JobEnvironment.JobKind) is not { } name)
        {
            return source is null ? JobKind.Transcode : JobKinds.For(source.Display);
        }

        if (JobKinds.Parse(name) is { } kind)
        {
            return kind;
        }

        reader.Error($"{JobEnvironment.JobKind} must be {JobKinds.Transcode} or {JobKinds.AttachCaption}, not '{name}'");
        return JobKind.Transcode;
    }

    // The kind and the source's name agree: a caption file is only ever attached, and only a caption file is.
    private static IEnumerable<string> KindProblems(JobSpec spec)
    {
        var asked = JobKinds.For(spec.Source.Display);
        if (spec.Kind == JobKind.AttachCaption && asked != JobKind.AttachCaption)
        {
            yield return $"source {spec.Source.Display}: a caption job needs a caption file named <video>.<language>[.forced][.sdh].vtt or .srt";
        }
        else if (spec.Kind == JobKind.Transcode && asked == JobKind.AttachCaption)
        {
            yield return $"source {spec.Source.Display} is a caption file by its name: its job attaches it ({JobEnvironment.JobKind}={JobKinds.AttachCaption})";
        }
    }

    private static OutputLocation? ReadOutput(SettingReader reader)
    {
        var folder = reader.Text(JobEnvironment.OutputDir);
        var bucket = reader.Exact(JobEnvironment.OutputBucket);
        var prefix = reader.Raw(JobEnvironment.OutputPrefix);
        if (folder is not null)
        {
            if (bucket is not null)
            {
                reader.Error($"set {JobEnvironment.OutputDir} or {JobEnvironment.OutputBucket}, not both");
            }

            return new LocalOutput(Path.GetFullPath(folder));
        }

        if (bucket is not null)
        {
            return S3Output.Create(bucket.Trim(), prefix);
        }

        reader.Error(prefix is null
            ? $"no output: pass --output <dir|s3://bucket/prefix> or set {JobEnvironment.OutputBucket} (and optionally {JobEnvironment.OutputPrefix})"
            : $"{JobEnvironment.OutputPrefix} is set but {JobEnvironment.OutputBucket} is not");
        return null;
    }

    private static JobLease? ReadLease(SettingReader reader)
    {
        var queueUrl = reader.Text(JobEnvironment.QueueUrl);
        var receiptHandle = reader.Text(JobEnvironment.ReceiptHandle);
        return Together(reader, (JobEnvironment.QueueUrl, queueUrl), (JobEnvironment.ReceiptHandle, receiptHandle)) is { } lease
            ? new JobLease(lease.First, lease.Second, ReadReceivedAt(reader))
            : null;
    }

    private static JobChunk? ReadChunk(SettingReader reader)
    {
        var plan = reader.Text(JobEnvironment.ChunkPlan);
        var index = reader.Text(JobEnvironment.ChunkIndex);
        var count = reader.Text(JobEnvironment.ChunkCount);
        if (plan is null && index is null && count is null)
        {
            return null;
        }

        if (plan is null || index is null || count is null)
        {
            reader.Error($"set {JobEnvironment.ChunkPlan}, {JobEnvironment.ChunkIndex} and {JobEnvironment.ChunkCount} together, or none of them");
            return null;
        }

        // Wide bounds: JobChunk.Problems says what is wrong with a number that parses.
        var i = reader.OptionalInteger(JobEnvironment.ChunkIndex, int.MinValue, int.MaxValue);
        var c = reader.OptionalInteger(JobEnvironment.ChunkCount, int.MinValue, int.MaxValue);
        return i is { } first && c is { } second ? new JobChunk(plan, first, second) : null;
    }

    // Two settings that only mean something together: both values, or null; one set without the other is reported.
    private static (string First, string Second)? Together(SettingReader reader, (string Name, string? Value) first, (string Name, string? Value) second)
    {
        if (first.Value is not null && second.Value is not null)
        {
            return (first.Value, second.Value);
        }

        if (first.Value is not null)
        {
            reader.Error($"{first.Name} is set but {second.Name} is not");
        }
        else if (second.Value is not null)
        {
            reader.Error($"{second.Name} is set but {first.Name} is not");
        }

        return null;
    }

    private static DateTimeOffset? ReadReceivedAt(SettingReader reader)
    {
        var text = reader.Text(JobEnvironment.ReceivedAt);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        reader.Error($"{JobEnvironment.ReceivedAt} must be an ISO 8601 time such as 2026-11-30T09:00:00Z, not '{text}'");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafeJobId();
}
