using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Tests.Jobs;

public sealed class JobSpecTests
{
    private static readonly string[] NoLadderNames = [];

    private static JobSpec S3Spec() => new()
    {
        Source = new S3Input("uploads", " raw/my clip+ü.mp4 "),
        Revision = SourceRevision.Parse("version:3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"),
        JobId = "0123abcd",
        Output = S3Output.Create("prod", "videos"),
        Renditions = ["720p", "360p"],
        Formats = StreamingFormats.Hls | StreamingFormats.Mp4,
        Codecs = VideoCodecs.H264 | VideoCodecs.Av1,
        Passthrough = "order=42; user=ü",
        Lease = new JobLease("https://sqs.eu-west-1.amazonaws.com/1/q", "AQEB+/==", new DateTimeOffset(2026, 11, 30, 9, 0, 1, 250, TimeSpan.Zero)),
    };

    [Test]
    public void ToEnvironmentThenParse_EveryField_RoundTrips()
    {
        // Arrange: the dispatcher's end writes, the job's end reads.
        var spec = S3Spec();

        // Act
        var parsed = JobSpecParser.Parse(spec.ToEnvironment().ToDictionary(), NoLadderNames);

        // Assert
        Assert.That(parsed.Problems, Is.Empty);
        Assert.That(parsed.Spec, Is.EqualTo(spec));
    }

    [Test]
    public void ToEnvironmentThenParse_Chunk_RoundTrips()
    {
        // Arrange: one chunk of a long source, as the dispatcher launches it.
        var spec = S3Spec() with { Chunk = new JobChunk("0123456789abcdef", 4, 12) };

        // Act
        var environment = spec.ToEnvironment();
        var parsed = JobSpecParser.Parse(environment.ToDictionary(), NoLadderNames);

        // Assert
        Assert.That(environment, Does.Contain(new KeyValuePair<string, string>(JobEnvironment.ChunkIndex, "4")));
        Assert.That(parsed.Spec, Is.EqualTo(spec));
        Assert.That(parsed.Spec, Is.Not.EqualTo(spec with { Chunk = new JobChunk("0123456789abcdef", 5, 12) }));
    }

    [TestCase(0, 1, "chunk count 1 must be 2-1000")]
    [TestCase(12, 12, "chunk index 12 must be 0-11 for 12 chunks")]
    [TestCase(-1, 12, "chunk index -1 must be 0-11 for 12 chunks")]
    public void Check_ChunkOutOfRange_IsAProblem(int index, int count, string problem)
    {
        // Act / Assert
        Assert.That(JobSpecParser.Check(S3Spec() with { Chunk = new JobChunk("0123456789abcdef", index, count) }, NoLadderNames), Is.EqualTo(new[] { problem }));
    }

    [Test]
    public void Check_ChunkOfALocalFileWithoutRevision_NamesBothProblems()
    {
        // Arrange: a chunk reads its part of an S3 object and belongs to one upload's plan.
        var spec = new JobSpec { Source = new LocalInput("/a.mov"), Output = new LocalOutput("/out"), Chunk = new JobChunk("0123456789abcdef", 0, 2) };

        // Act
        var problems = JobSpecParser.Check(spec, NoLadderNames);

        // Assert
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.Contain("from S3"));
        Assert.That(problems[1], Does.Contain("names the upload"));
    }

    [Test]
    public void Parse_ChunkIndexWithoutCount_IsAProblem()
    {
        // Arrange
        var environment = S3Spec().ToEnvironment().ToDictionary();
        environment[JobEnvironment.ChunkIndex] = "1";

        // Act / Assert
        Assert.That(JobSpecParser.Parse(environment, NoLadderNames).Problems, Is.EqualTo(new[] { "set CHUNK_PLAN, CHUNK_INDEX and CHUNK_COUNT together, or none of them" }));
    }

    [Test]
    public void Check_ChunkPlanNotHex_IsAProblem()
    {
        // Act / Assert: the plan names a folder in S3; nothing else may come through it.
        Assert.That(JobSpecParser.Check(S3Spec() with { Chunk = new JobChunk("../../x", 0, 2) }, NoLadderNames), Is.EqualTo(new[] { "chunk plan '../../x' must be 16 hexadecimal digits" }));
    }

    [Test]
    public void ToEnvironmentThenParse_LocalFileAndFolderWithDefaults_RoundTrips()
    {
        // Arrange: the command line's form; defaults are left out of the environment.
        var spec = new JobSpec { Source = new LocalInput("/videos/a.mov"), Output = new LocalOutput("/out") };

        // Act
        var environment = spec.ToEnvironment();
        var parsed = JobSpecParser.Parse(environment.ToDictionary(), NoLadderNames);

        // Assert
        Assert.That(environment.Select(e => e.Key), Is.EqualTo(new[] { JobEnvironment.SourceFile, JobEnvironment.OutputDir }));
        Assert.That(parsed.Spec, Is.EqualTo(spec));
    }

    [Test]
    public void ToEnvironmentThenParse_AllFormatsGiven_StaysGivenNotTheDefault()
    {
        // Arrange: "all three, asked for" is a request; "nothing said" lets the upload's metadata choose.
        var given = new JobSpec { Source = new LocalInput("/videos/a.mov"), Output = new LocalOutput("/out"), Formats = JobSpec.DefaultFormats };
        var notGiven = given with { Formats = null };

        // Act
        var parsedGiven = JobSpecParser.Parse(given.ToEnvironment().ToDictionary(), NoLadderNames).Spec;
        var parsedNotGiven = JobSpecParser.Parse(notGiven.ToEnvironment().ToDictionary(), NoLadderNames).Spec;

        // Assert
        Assert.That(given.ToEnvironment(), Does.Contain(new KeyValuePair<string, string>(JobEnvironment.Formats, "hls,dash,mp4")));
        Assert.That(notGiven.ToEnvironment().Select(e => e.Key), Does.Not.Contain(JobEnvironment.Formats));
        Assert.That((parsedGiven!.Formats, parsedNotGiven!.Formats), Is.EqualTo(((StreamingFormats?)StreamingFormats.All, (StreamingFormats?)null)));
    }

    [Test]
    public void Parse_EverythingWrong_ReportsEveryProblemAtOnceAndStillTheLease()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            [JobEnvironment.SourceBucket] = "uploads",
            [JobEnvironment.SourceKey] = "folder/",
            [JobEnvironment.OutputBucket] = "prod",
            [JobEnvironment.JobId] = "../etc",
            [JobEnvironment.Renditions] = "720p,best,721p",
            [JobEnvironment.Formats] = "hls,webm",
            [JobEnvironment.Passthrough] = new string('x', 300),
            [JobEnvironment.QueueUrl] = "https://sqs.eu-west-1.amazonaws.com/1/q",
            [JobEnvironment.ReceiptHandle] = "rh",
        };

        // Act
        var parsed = JobSpecParser.Parse(environment, NoLadderNames);

        // Assert
        Assert.That(parsed.Spec, Is.Null);
        Assert.That(parsed.Problems, Is.EqualTo(new[]
        {
            "format 'webm': use hls, dash or mp4",
            "source s3://uploads/folder/: expected s3://bucket/key naming one object",
            "job id '../etc' must be 1-128 letters, digits, '.', '_' or '-'",
            "unknown rendition 'best': use an even height like 540p",
            "unknown rendition '721p': use an even height like 540p",
            "passthrough is 300 characters long; at most 255 are kept",
        }));
        Assert.That(parsed.Lease, Is.EqualTo(new JobLease("https://sqs.eu-west-1.amazonaws.com/1/q", "rh")), "a job with a bad spec still settles its message");
    }

    [Test]
    public void Check_CustomLadderName_AcceptedOnlyWhenTheLadderHasIt()
    {
        // Arrange
        var spec = S3Spec() with { Renditions = ["HD", "540p"] };

        // Act / Assert
        Assert.That(JobSpecParser.Check(spec, ["hd", "sd"]), Is.Empty);
        Assert.That(JobSpecParser.Check(spec, NoLadderNames), Is.EqualTo(new[] { "unknown rendition 'HD': use an even height like 540p" }));
    }

    [Test]
    public void Check_PassthroughWithALineBreak_IsAProblem()
    {
        // Act / Assert: it travels in an environment variable and in S3 metadata (one header line).
        Assert.That(JobSpecParser.Check(S3Spec() with { Passthrough = "a\nb" }, NoLadderNames).Single(), Does.Contain("control character"));
    }

    [Test]
    public void Parse_FileAndBucketBothSet_IsAProblem()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            [JobEnvironment.SourceFile] = "/a.mp4",
            [JobEnvironment.SourceBucket] = "uploads",
            [JobEnvironment.SourceKey] = "a.mp4",
            [JobEnvironment.OutputDir] = "/out",
        };

        // Act / Assert
        Assert.That(JobSpecParser.Parse(environment, NoLadderNames).Problems.Single(), Does.Contain("not both"));
    }

    [TestCase("h264,av1", VideoCodecs.H264 | VideoCodecs.Av1)]
    [TestCase(" AV1 , h264 ", VideoCodecs.H264 | VideoCodecs.Av1)]
    [TestCase("h264", VideoCodecs.H264)]
    public void Parse_Codecs_ReadAsGivenAndWrittenCanonically(string list, VideoCodecs expected)
    {
        // Arrange
        var environment = new Dictionary<string, string> { [JobEnvironment.SourceFile] = "/a.mp4", [JobEnvironment.OutputDir] = "/out", [JobEnvironment.Codecs] = list };

        // Act
        var parsed = JobSpecParser.Parse(environment, NoLadderNames);

        // Assert
        Assert.That(parsed.Spec!.Codecs, Is.EqualTo(expected));
        Assert.That(parsed.Spec.ToEnvironment(), Does.Contain(new KeyValuePair<string, string>(JobEnvironment.Codecs, VideoCodecList.Format(expected))));
    }

    [TestCase("av1", "codecs 'av1': h264 is always made (every player decodes it, and the progressive MP4s are H.264): use h264 or h264,av1")]
    [TestCase("h264,vp9", "codec 'vp9': use h264 or av1")]
    [TestCase(",", "codecs ',': h264 is always made (every player decodes it, and the progressive MP4s are H.264): use h264 or h264,av1")]
    public void Parse_CodecsWithoutH264OrUnknown_OneProblem(string list, string problem)
    {
        // Arrange
        var environment = new Dictionary<string, string> { [JobEnvironment.SourceFile] = "/a.mp4", [JobEnvironment.OutputDir] = "/out", [JobEnvironment.Codecs] = list };

        // Act / Assert
        Assert.That(JobSpecParser.Parse(environment, NoLadderNames).Problems, Is.EqualTo(new[] { problem }));
    }

    [Test]
    public void Check_CodecsWithoutH264_IsAProblem()
    {
        // Act / Assert: what a dispatcher could build by hand.
        Assert.That(JobSpecParser.Check(S3Spec() with { Codecs = VideoCodecs.Av1 }, NoLadderNames), Is.EqualTo(new[] { "codecs: h264 is always made; use h264 or h264,av1" }));
    }

    [Test]
    public void ToEnvironmentThenParse_CaptionJob_KindRoundTrips()
    {
        // Arrange
        var spec = S3Spec() with { Source = new S3Input("uploads", "raw/clip.fr.srt"), Kind = JobKind.AttachCaption };

        // Act
        var environment = spec.ToEnvironment();
        var parsed = JobSpecParser.Parse(environment.ToDictionary(), NoLadderNames);

        // Assert
        Assert.That(environment, Does.Contain(new KeyValuePair<string, string>(JobEnvironment.JobKind, "caption")));
        Assert.That(parsed.Spec, Is.EqualTo(spec));
    }

    [Test]
    public void Parse_CaptionFileWithoutAKind_AttachedAsItsNameAsks()
    {
        // Arrange: a person at a terminal: TranscodeJob --input clip.en.vtt --output out.
        var environment = new Dictionary<string, string> { [JobEnvironment.SourceFile] = "/v/clip.en.vtt", [JobEnvironment.OutputDir] = "/out" };

        // Act / Assert
        Assert.That(JobSpecParser.Parse(environment, NoLadderNames).Spec!.Kind, Is.EqualTo(JobKind.AttachCaption));
    }

    [Test]
    public void Check_KindAndSourceDisagree_IsAProblem()
    {
        // Act
        var captionOfAVideo = JobSpecParser.Check(S3Spec() with { Kind = JobKind.AttachCaption }, NoLadderNames);
        var transcodeOfACaption = JobSpecParser.Check(S3Spec() with { Source = new S3Input("uploads", "clip.fr.vtt") }, NoLadderNames);
        var unknownKind = JobSpecParser.Parse(
            new Dictionary<string, string> { [JobEnvironment.SourceFile] = "/a.mp4", [JobEnvironment.OutputDir] = "/out", [JobEnvironment.JobKind] = "encode" },
            NoLadderNames);

        // Assert
        Assert.That(captionOfAVideo.Single(), Does.Contain("a caption job needs a caption file named <video>.<language>"));
        Assert.That(transcodeOfACaption.Single(), Does.Contain("is a caption file by its name: its job attaches it (JOB_KIND=caption)"));
        Assert.That(unknownKind.Problems.Single(), Is.EqualTo("JOB_KIND must be transcode or caption, not 'encode'"));
    }
}
