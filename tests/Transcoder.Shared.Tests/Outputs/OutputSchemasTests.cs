using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;

namespace Transcoder.Shared.Tests.Outputs;

/// <summary>
/// The committed schemas (docs/schemas/) describe the contract's types exactly, and the types read back what they
/// write. The job's real output is validated against the same schemas in Transcoder.TranscodeJob.Tests.
/// </summary>
public sealed class OutputSchemasTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 17, 7, 39, TimeSpan.Zero);

    [Test]
    public void ManifestSchema_Shape_IsJobManifestAsWritten()
    {
        // Act
        var problems = SchemaShape.Problems(ManifestJsonContext.Default, typeof(JobManifest), OutputSchemas.ManifestFile);

        // Assert
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void FailureSchema_Shape_IsFailureRecordAsWritten()
    {
        // Act
        var problems = SchemaShape.Problems(ManifestJsonContext.Default, typeof(FailureRecord), OutputSchemas.FailureFile);

        // Assert
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void JobEventSchema_Shape_IsJobEventAsWritten()
    {
        // Act
        var problems = SchemaShape.Problems(JobEventJsonContext.Default, typeof(JobEvent), OutputSchemas.JobEventFile);

        // Assert
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Schemas_VersionsRolesAndTypes_AreTheCodesConstants()
    {
        // Arrange
        JsonNode Schema(string file) => JsonNode.Parse(File.ReadAllText(OutputSchemas.PathOf(file)))!;
        static string[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
        var manifest = Schema(OutputSchemas.ManifestFile);
        var jobEvent = Schema(OutputSchemas.JobEventFile);

        // Act / Assert
        Assert.That(manifest["properties"]!["schemaVersion"]!["const"]!.GetValue<int>(), Is.EqualTo(JobManifest.CurrentSchemaVersion));
        Assert.That(Schema(OutputSchemas.FailureFile)["properties"]!["schemaVersion"]!["const"]!.GetValue<int>(), Is.EqualTo(FailureRecord.CurrentSchemaVersion));
        Assert.That(jobEvent["properties"]!["schemaVersion"]!["const"]!.GetValue<int>(), Is.EqualTo(JobEvent.CurrentSchemaVersion));
        Assert.That(Strings(manifest["$defs"]!["file"]!["properties"]!["role"]!["enum"]), Is.EqualTo(OutputRoles.All));
        Assert.That(Strings(manifest["$defs"]!["subtitle"]!["properties"]!["origin"]!["enum"]), Is.EqualTo(SubtitleOrigins.All));
        Assert.That(Strings(manifest["$defs"]!["skippedSubtitle"]!["properties"]!["origin"]!["enum"]), Is.EqualTo(SubtitleOrigins.All));
        Assert.That(Strings(jobEvent["properties"]!["type"]!["enum"]), Is.EqualTo(new[] { JobEvent.Done, JobEvent.Failed, JobEvent.Superseded }));
        Assert.That(jobEvent["$defs"]!["outputs"]!["properties"]!["manifest"]!["const"]!.GetValue<string>(), Is.EqualTo(JobManifest.FileName));
    }

    [Test]
    public void OutputRoles_All_ListsEveryRoleConstant()
    {
        // Arrange
        var constants = typeof(OutputRoles).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        // Act / Assert
        Assert.That(OutputRoles.All, Is.EquivalentTo(constants));
    }

    [Test]
    public void ManifestJson_RoundTrip_WritesTheSameDocument()
    {
        // Arrange
        var written = ManifestJson.Write(Manifest());

        // Act
        var again = ManifestJson.Write(JsonSerializer.Deserialize(written, ManifestJsonContext.Default.JobManifest)!);

        // Assert
        Assert.That(again, Is.EqualTo(written));
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, written), Is.Empty);
    }

    [Test]
    public void FailureJson_RoundTrip_TheSameRecordWithItsDetail()
    {
        // Arrange
        var failure = new FailureRecord(FailureRecord.CurrentSchemaVersion, "job", "s3://temp/a.mp4", "etag:abc", "a.mp4 is truncated", At, "moov atom not found");

        // Act
        var read = JsonSerializer.Deserialize(ManifestJson.Write(failure), ManifestJsonContext.Default.FailureRecord);

        // Assert
        Assert.That(read, Is.EqualTo(failure));
        Assert.That(OutputSchemas.Problems(OutputSchemas.FailureFile, ManifestJson.Write(failure)), Is.Empty);
    }

    [Test]
    public void FailureJson_WrittenBeforeDetailExisted_ReadsWithDetailNull()
    {
        // Arrange: a failure.json of the first release.
        const string Old = """{ "schemaVersion": 1, "jobId": "j", "source": "s3://t/k", "fingerprint": null, "error": "no video stream", "failedAt": "2026-11-30T17:07:39+00:00" }""";

        // Act
        var read = JsonSerializer.Deserialize(Old, ManifestJsonContext.Default.FailureRecord)!;

        // Assert
        Assert.That((read.Error, read.Detail), Is.EqualTo(("no video stream", (string?)null)));
        Assert.That(OutputSchemas.Problems(OutputSchemas.FailureFile, Old), Is.Empty, "the schema does not require detail");
    }

    [Test]
    public void JobEventJson_RoundTrip_WritesTheSameLine()
    {
        // Arrange
        var manifest = Manifest();
        var done = new JobEvent(
            JobEvent.CurrentSchemaVersion, JobEvent.Done, "job", new JobEventSource("s3://temp/a.mp4", "temp", "a.mp4"), "etag:abc", "order-42",
            new JobEventOutputs("s3://prod/a-0123456789abcdef/", JobManifest.FileName, manifest.Hls, manifest.Dash, manifest.Poster!.File, manifest.Files),
            4, 2.5, null, false, At);
        var written = JsonSerializer.Serialize(done, JobEventJsonContext.Default.JobEvent);

        // Act
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(written, JobEventJsonContext.Default.JobEvent)!, JobEventJsonContext.Default.JobEvent);

        // Assert
        Assert.That(again, Is.EqualTo(written));
        Assert.That(written, Does.Not.Contain('\n'), "one line per event");
        Assert.That(OutputSchemas.Problems(OutputSchemas.JobEventFile, written), Is.Empty);
    }

    [TestCase("## manifest.json", OutputSchemas.ManifestFile)]
    [TestCase("## failure.json", OutputSchemas.FailureFile)]
    [TestCase("## Completion events", OutputSchemas.JobEventFile)]
    public void DocsExample_OutputsMd_MeetsItsSchema(string heading, string schemaFile)
    {
        // Arrange: the examples docs/outputs.md shows a reader.
        var example = DocCodeBlock.After("docs/outputs.md", heading, "json");

        // Act
        var problems = OutputSchemas.Problems(schemaFile, example);

        // Assert
        Assert.That(problems, Is.Empty);
    }

    [TestCase("schemaVersion", "3")]
    [TestCase("jobId", "null")]
    [TestCase("unknownField", "1")]
    public void ManifestSchema_DocumentThatBreaksIt_IsRefused(string property, string value)
    {
        // Arrange: a valid manifest with one property changed.
        var manifest = JsonNode.Parse(ManifestJson.Write(Manifest()))!.AsObject();
        manifest[property] = JsonNode.Parse(value);

        // Act
        var problems = OutputSchemas.Problems(OutputSchemas.ManifestFile, manifest.ToJsonString());

        // Assert
        Assert.That(problems, Is.Not.Empty);
    }

    private static JobManifest Manifest() => new(
        JobManifest.CurrentSchemaVersion,
        "167780bc201910031090fb473882c6a6",
        At,
        new ManifestSource(
            "s3://temp/a.mp4", "etag:abc;request=3a13f705c842f268", "abc", null, 1126773, "mov,mp4,m4a,3gp,3g2,mj2", 4,
            new ManifestVideo("h264", 1920, 1080, 1920, 1080, "1:1", 0, "30000/1001", "yuv420p", null),
            [new ManifestAudio(1, "aac", 2, 48000, "und", true)],
            DeclaredDurationSeconds: 4.02),
        [new ManifestRendition("720p", "720p.mp4", "720p.m3u8", "720p.cmfv", 1280, 720, "30000/1001", 1602000, 3000, 4, 801000, HasAudio: true)],
        new ManifestAudioRendition("audio.m3u8", "audio.cmfa", 128, 2, 65026),
        "master.m3u8",
        null,
        new ManifestStoryboard("storyboard.vtt", ["storyboard-000.jpg"], 1, 160, 90, 4, 1, 4),
        new ManifestPoster(ManifestPoster.FileName, 1280, 720),
        [new ManifestFile("master.m3u8", OutputRoles.HlsMaster, ContentTypes.For("master.m3u8"), 780)])
    {
        Passthrough = "order-42",
        Subtitles =
        [
            new ManifestSubtitle("subtitles-2.vtt", "subtitles-2.m3u8", "fr", "French", false, false, false, SubtitleOrigins.Stream, 2, null, 12),
            new ManifestSubtitle("caption-en-sdh.vtt", null, "en", "English (SDH)", false, true, false, SubtitleOrigins.File, null, "a.en.sdh.srt", 40),
        ],
        SkippedSubtitles = [new ManifestSkippedSubtitle(SubtitleOrigins.Stream, 3, null, "hdmv_pgs_subtitle", "de", "bitmap subtitles need OCR to become text")],
    };

    [Test]
    public void ManifestJson_WrittenBeforeSubtitlesExisted_ReadsWithNone()
    {
        // Arrange: a manifest of the release before subtitles.
        var old = JsonNode.Parse(ManifestJson.Write(Manifest()))!.AsObject();
        old.Remove("subtitles");
        old.Remove("skippedSubtitles");

        // Act
        var read = JsonSerializer.Deserialize(old.ToJsonString(), ManifestJsonContext.Default.JobManifest)!;

        // Assert
        Assert.That((read.Subtitles, read.SkippedSubtitles), Is.EqualTo((Array.Empty<ManifestSubtitle>(), Array.Empty<ManifestSkippedSubtitle>())));
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, old.ToJsonString()), Is.Empty, "the schema does not require them");
    }
}
