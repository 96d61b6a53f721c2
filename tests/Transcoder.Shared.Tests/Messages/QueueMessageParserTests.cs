using Transcoder.Shared.Jobs;
using Transcoder.Shared.Messages;

namespace Transcoder.Shared.Tests.Messages;

public sealed class QueueMessageParserTests
{
    [Test]
    public void Parse_DocumentedPutEvent_OneJobWithVersionAsRevision()
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.Put("HappyFace.mp4"), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Jobs));
        Assert.That(parsed.Jobs, Is.EqualTo(new[]
        {
            new JobRequest("amzn-s3-demo-bucket", "HappyFace.mp4", new SourceRevision(SourceRevisionKind.Version, "096fKKXTRTtl3on89fVO.nfljtsv6qko"), null),
        }));
    }

    [TestCase("my+holiday+video.mp4", "my holiday video.mp4")]
    [TestCase("a%2Bb.mp4", "a+b.mp4")]
    [TestCase("caf%C3%A9/%E5%8B%95%E7%94%BB.mov", "café/動画.mov")]
    [TestCase("folder%2Fsub/..%2F-x.mkv", "folder/sub/../-x.mkv")]
    [TestCase("100%25+real.webm", "100% real.webm")]
    public void Parse_EncodedKey_DecodedAsS3StoresIt(string encoded, string expected)
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.Put(encoded), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs.Single().Key, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_TestEvent_Ignored()
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.TestEvent, KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Ignored));
        Assert.That(parsed.Reason, Does.Contain("s3:TestEvent"));
    }

    [TestCase("ObjectRemoved:Delete")]
    [TestCase("ObjectRestore:Completed")]
    [TestCase("LifecycleExpiration:Delete")]
    public void Parse_NotACreation_IgnoredWithReason(string eventName)
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.Put("clip.mp4", eventName), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Ignored));
        Assert.That(parsed.Reason, Does.Contain(eventName));
    }

    [Test]
    public void Parse_SeveralRecords_OneJobEach()
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.TwoRecords, KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs.Select(j => (j.Key, j.Revision?.ToString())), Is.EqualTo(new[] { ("a/first.mp4", "etag:e1"), ("b/second clip.MOV", "etag:e2") }));
        Assert.That(parsed.Jobs.Select(j => j.JobId).Distinct().Count(), Is.EqualTo(2));
    }

    [TestCase("notes.txt")]
    [TestCase("thumbs/poster.jpg")]
    [TestCase("uploads/notes.vtt")]
    [TestCase("uploads/clip.part2.srt")]
    public void Parse_NonVideoKey_IgnoredByDefaultFilter(string key)
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.Put(key), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Ignored));
        Assert.That(parsed.Reason, Does.Contain("filtered"));
    }

    [TestCase("uploads/clip.mp4", JobKind.Transcode)]
    [TestCase("uploads/clip.fr.srt", JobKind.AttachCaption)]
    [TestCase("uploads/clip.en.SDH.VTT", JobKind.AttachCaption)]
    public void Parse_UploadOrCaptionFile_JobOfTheKindItsNameAsks(string key, JobKind kind)
    {
        // Act
        var parsed = QueueMessageParser.Parse(S3EventSamples.Put(key), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs.Single().Kind, Is.EqualTo(kind));
    }

    [Test]
    public void Parse_PrefixFilter_SkipsOtherFolders()
    {
        // Arrange
        var filter = new KeyFilter("incoming/", KeyFilter.VideoSuffixes);

        // Act
        var outside = QueueMessageParser.Parse(S3EventSamples.Put("other/a.mp4"), filter);
        var inside = QueueMessageParser.Parse(S3EventSamples.Put("incoming/a.mp4"), filter);

        // Assert
        Assert.That(outside.Kind, Is.EqualTo(QueueMessageKind.Ignored));
        Assert.That(inside.Kind, Is.EqualTo(QueueMessageKind.Jobs));
    }

    [Test]
    public void Parse_PlainJobMessage_JobAsAsked()
    {
        // Act: no suffix filter for a job somebody asked for by hand.
        var parsed = QueueMessageParser.Parse("""{"bucket": "uploads", "key": "raw/odd name", "renditions": "720p,480p"}""", KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs, Is.EqualTo(new[] { new JobRequest("uploads", "raw/odd name", null, "720p,480p") }));
    }

    [Test]
    public void Parse_JobMessageWrittenByJobMessage_RoundTrips()
    {
        // Arrange
        var job = new JobRequest("uploads", "a \"quoted\" key/ü.mp4", SourceRevision.Parse("etag:1"), "360p", "hls,mp4", "order 42 — ü", new JobChunk("0123456789abcdef", 3, 7)) { Codecs = "h264,av1" };

        // Act
        var parsed = QueueMessageParser.Parse(JobMessage.ToJson(job), KeyFilter.Everything);

        // Assert
        Assert.That(parsed.Jobs.Single(), Is.EqualTo(job));
    }

    [Test]
    public void Parse_NotificationWrittenByS3EventNotificationJson_RoundTrips()
    {
        // Arrange
        var body = S3EventNotificationJson.ObjectCreated("temp", "my video+1 (é).mp4", 10, "\"abc\"", "us-east-1", DateTimeOffset.UnixEpoch);

        // Act
        var parsed = QueueMessageParser.Parse(body, KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs.Single(), Is.EqualTo(new JobRequest("temp", "my video+1 (é).mp4", new SourceRevision(SourceRevisionKind.ETag, "abc"), null)));
    }

    [Test]
    public void Parse_SnsEnvelope_ReadsTheEventInside()
    {
        // Arrange
        var inner = System.Text.Json.JsonSerializer.Serialize(S3EventSamples.Put("x.mp4"));
        var body = $$"""{"Type": "Notification", "MessageId": "1", "TopicArn": "arn:aws:sns:us-east-1:1:t", "Message": {{inner}}}""";

        // Act
        var parsed = QueueMessageParser.Parse(body, KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Jobs.Single().Key, Is.EqualTo("x.mp4"));
    }

    [TestCase("", "not JSON")]
    [TestCase("hello", "not JSON")]
    [TestCase("[1,2]", "expected a JSON object")]
    [TestCase("{}", "not an S3 event notification")]
    [TestCase("""{"bucket": "b"}""", "\"bucket\" and \"key\"")]
    [TestCase("""{"bucket": "b", "key": 5}""", "\"bucket\" and \"key\"")]
    [TestCase("""{"bucket": "b", "key": "k", "renditions": [1]}""", "renditions")]
    [TestCase("""{"bucket": "b", "key": "k", "chunk": {"plan": "0123456789abcdef", "index": "1", "count": 2}}""", "\"chunk\" must be")]
    [TestCase("""{"bucket": "b", "key": "k", "chunk": 3}""", "\"chunk\" must be")]
    [TestCase("""{"Records": []}""", "non-empty array")]
    [TestCase("""{"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {}}}]}""", "record 0 lacks")]
    [TestCase("""{"Event": "s3:Other"}""", "unknown event")]
    public void Parse_Garbage_InvalidWithReason(string body, string reason)
    {
        // Act
        var parsed = QueueMessageParser.Parse(body, KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Invalid));
        Assert.That(parsed.Reason, Does.Contain(reason));
    }

    [Test]
    public void Parse_DeeplyNested_InvalidNotThrown()
    {
        // Act
        var parsed = QueueMessageParser.Parse(new string('[', 10_000), KeyFilter.Uploads);

        // Assert
        Assert.That(parsed.Kind, Is.EqualTo(QueueMessageKind.Invalid));
    }
}
