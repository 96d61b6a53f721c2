using Transcoder.Shared;
using Transcoder.Shared.Hosting;
using Transcoder.TranscodeJob.Renditions;
using Transcoder.TranscodeJob.Settings;
using Transcoder.Shared.Jobs;

namespace Transcoder.TranscodeJob.Tests.Settings;

public sealed class JobSettingsResolverTests
{
    private static Dictionary<string, string> Env(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [Test]
    public void Resolve_LocalCommandLine_UsesFullPathsAndDefaults()
    {
        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "clip.mp4", Output: "out"), Env());

        // Assert
        Assert.That(settings.Input, Is.EqualTo(new LocalInput(Path.GetFullPath("clip.mp4"))));
        Assert.That(settings.Output, Is.EqualTo(new LocalOutput(Path.GetFullPath("out"))));
        Assert.That(settings.Ladder.Renditions, Has.Count.EqualTo(4));
        Assert.That(settings.Parallelism, Is.EqualTo(JobDefaults.Parallelism(Environment.ProcessorCount)));
        Assert.That(settings.Lease, Is.Null);
        Assert.That(settings.JobId, Is.Null);
    }

    [Test]
    public void Resolve_EcsEnvironmentOnly_ReadsTheDispatchersOverrides()
    {
        // Arrange: exactly what the dispatcher's container overrides set.
        var environment = Env(
            (JobEnvironment.SourceBucket, "uploads"),
            (JobEnvironment.SourceKey, " my clip+.mp4 "),
            (JobEnvironment.OutputBucket, "prod"),
            (JobEnvironment.OutputPrefix, "videos"),
            (JobEnvironment.JobId, "0123abcd"),
            (JobEnvironment.Renditions, "720p, 360p"),
            (JobEnvironment.QueueUrl, "https://sqs.eu-west-1.amazonaws.com/1/q"),
            (JobEnvironment.ReceiptHandle, "AQEB+/=="),
            (JobEnvironment.HeartbeatSeconds, "30"));

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(), environment);

        // Assert: the key is used verbatim, spaces and all.
        Assert.That(settings.Input, Is.EqualTo(new S3Input("uploads", " my clip+.mp4 ")));
        Assert.That(settings.Output, Is.EqualTo(new S3Output("prod", "videos/")));
        Assert.That(settings.JobId, Is.EqualTo("0123abcd"));
        Assert.That(settings.Ladder.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "720p", "360p" }));
        Assert.That(settings.Lease!.QueueUrl, Is.EqualTo("https://sqs.eu-west-1.amazonaws.com/1/q"));
        Assert.That(settings.Lease.ReceiptHandle, Is.EqualTo("AQEB+/=="));
        Assert.That(settings.Lease.Timings.Interval, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(settings.Lease.Timings.Extension, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void Resolve_CommandLineAndEnvironment_CommandLineWins()
    {
        // Arrange
        var environment = Env((JobEnvironment.SourceBucket, "uploads"), (JobEnvironment.SourceKey, "a.mp4"), (JobEnvironment.Renditions, "360p"), (JobEnvironment.Parallelism, "3"));

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "s3://other/b.mp4", Output: "s3://prod", Renditions: "720p", Parallelism: 1), environment);

        // Assert
        Assert.That(settings.Input, Is.EqualTo(new S3Input("other", "b.mp4")));
        Assert.That(settings.Output, Is.EqualTo(new S3Output("prod", "")));
        Assert.That(settings.Ladder.Renditions.Single().Name, Is.EqualTo("720p"));
        Assert.That(settings.Parallelism, Is.EqualTo(1));
    }

    [Test]
    public void Resolve_LocalInputOverAnEcsEnvironment_TheCommandLineReplacesTheWholeSource()
    {
        // Arrange: a task's environment, and a person overriding the source by hand.
        var environment = Env(
            (JobEnvironment.SourceBucket, "uploads"), (JobEnvironment.SourceKey, "a.mp4"), (JobEnvironment.SourceRevision, "etag:1"),
            (JobEnvironment.OutputBucket, "prod"), (JobEnvironment.Passthrough, "ref-7"));

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "clip.mp4"), environment);

        // Assert: the task's revision belonged to its source, not to this file; the rest of the spec stays.
        Assert.That(settings.Spec.Source, Is.EqualTo(new LocalInput(Path.GetFullPath("clip.mp4"))));
        Assert.That(settings.Spec.Revision, Is.Null);
        Assert.That(settings.Spec.Output, Is.EqualTo(new S3Output("prod", "")));
        Assert.That(settings.Spec.Passthrough, Is.EqualTo("ref-7"));
    }

    [Test]
    public void Resolve_NothingGiven_ReportsInputAndOutput()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(), Env()));

        // Assert
        Assert.That(failure!.Problems, Has.Count.EqualTo(2));
        Assert.That(failure.Problems[0], Does.StartWith("no input"));
        Assert.That(failure.Problems[1], Does.StartWith("no output"));
    }

    [Test]
    public void Resolve_EverythingWrong_ReportsEveryProblemAtOnce()
    {
        // Arrange
        var environment = Env(
            (JobEnvironment.SourceKey, "a.mp4"),
            (JobEnvironment.OutputPrefix, "videos"),
            (JobEnvironment.Parallelism, "lots"),
            (JobEnvironment.LogFormat, "xml"),
            (JobEnvironment.ReceiptHandle, "rh"),
            (JobEnvironment.JobId, "../etc"));

        // Act
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Renditions: "best"), environment));

        // Assert
        Assert.That(failure!.Problems, Is.EquivalentTo(new[]
        {
            "SOURCE_KEY is set but SOURCE_BUCKET is not",
            "OUTPUT_PREFIX is set but BUCKET_NAME_PROD is not",
            "unknown rendition 'best': use one of 1080p, 720p, 480p, 360p or an even height like 540p",
            "PARALLELISM must be a whole number from 1 to 16, not 'lots'",
            "job id '../etc' must be 1-128 letters, digits, '.', '_' or '-'",
            "LOG_FORMAT must be 'json' or 'text', not 'xml'",
            "SQS_RECEIPT_HANDLE is set but SQS_QUEUE_URL is not",
        }));
    }

    [TestCase("s3://bucket")]
    [TestCase("s3://bucket/folder/")]
    [TestCase("s3://")]
    public void Resolve_S3InputWithoutAnObjectKey_IsAUsageError(string input)
    {
        // Act / Assert
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Input: input, Output: "out"), Env()));
        Assert.That(failure!.Problems.Single(), Does.Contain("expected s3://bucket/key"));
    }

    [TestCase(0)]
    [TestCase(17)]
    public void Resolve_ParallelismOutOfRange_IsAUsageError(int parallelism)
    {
        // Act / Assert
        Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", Parallelism: parallelism), Env()));
    }

    [Test]
    public void Resolve_VerboseFromEnvironment_IsOn()
    {
        // Act / Assert
        Assert.That(JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b"), Env((JobEnvironment.Verbose, "TRUE"))).Verbose, Is.True);
    }

    [TestCase(null, null, true)]
    [TestCase("off", null, false)]
    [TestCase("off", "on", true)]
    [TestCase(null, "off", false)]
    public void Resolve_Quality_OnByDefaultTheCommandLineWinning(string? environment, string? commandLine, bool expected)
    {
        // Arrange
        var values = environment is null ? Env() : Env((JobEnvironment.Quality, environment));

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", Quality: commandLine), values);

        // Assert
        Assert.That(settings.MeasureQuality, Is.EqualTo(expected));
    }

    [Test]
    public void Resolve_QualityNeitherOnNorOff_UsageError()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", Quality: "vmaf"), Env()));

        // Assert
        Assert.That(failure!.Problems, Has.Some.Contains(JobEnvironment.Quality));
    }

    [TestCase(null, null, null, null)]
    [TestCase("fixed", null, null, "fixed")]
    [TestCase(null, "fixed", null, "fixed")]
    [TestCase("fixed", "per-title", null, "per-title")]
    [TestCase("per-title", null, "fixed", "fixed")]
    [TestCase("fixed", null, "per-title", "per-title")]
    public void Resolve_LadderMode_TheOptionsOverTheLadderFileOverTheDefault(string? ladderFile, string? environment, string? commandLine, string? expected)
    {
        // Arrange
        var values = Env();
        if (ladderFile is not null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"ladder-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, $$"""{ "ladderMode": "{{ladderFile}}", "renditions": [ { "name": "sd", "height": 360, "videoKbps": 700 } ] }""");
            values[JobEnvironment.LadderFile] = path;
        }

        if (environment is not null)
        {
            values[JobEnvironment.LadderMode] = environment;
        }

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", LadderMode: commandLine), values);

        // Assert
        Assert.That(settings.Ladder.Mode, Is.EqualTo(expected is null ? LadderModes.Default : LadderModes.ByName[expected]));
    }

    [Test]
    public void Resolve_LadderModeUnknown_UsageErrorNamingTheVariable()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", LadderMode: "smart"), Env()));

        // Assert
        Assert.That(failure!.Problems, Has.Some.Contains(JobEnvironment.LadderMode).And.Contains("'per-title' or 'fixed'"));
    }

    [TestCase(null, null, null)]
    [TestCase("h264,av1", null, VideoCodecs.H264 | VideoCodecs.Av1)]
    [TestCase("h264,av1", "h264", VideoCodecs.H264)]
    [TestCase(null, "av1,h264", VideoCodecs.H264 | VideoCodecs.Av1)]
    public void Resolve_Codecs_NotGivenByDefaultTheCommandLineWinning(string? environment, string? commandLine, VideoCodecs? expected)
    {
        // Arrange
        var values = environment is null ? Env() : Env((JobEnvironment.Codecs, environment));

        // Act
        var settings = JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", Codecs: commandLine), values);

        // Assert: not given leaves the choice to the upload's metadata, then the ladder.
        Assert.That(settings.Spec.Codecs, Is.EqualTo(expected));
    }

    [Test]
    public void Resolve_CodecsAv1Alone_UsageError()
    {
        // Act
        var failure = Assert.Throws<UsageException>(() => JobSettingsResolver.Resolve(new CliValues(Input: "a", Output: "b", Codecs: "av1"), Env()));

        // Assert
        Assert.That(failure!.Problems, Has.Some.Contains("h264 is always made"));
    }
}
