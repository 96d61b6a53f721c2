using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using Transcoder.LocalAws;
using Transcoder.Shared;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;
using Transcoder.TranscodeJob.Events;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Events;

/// <summary>
/// The executable on the emulator with the options an uploader attaches as S3 metadata, telling the application how
/// it ended: on the results queue, on a signed webhook, and in its metrics line.
/// </summary>
[Category("Integration")]
public sealed class CompletionEventsIntegrationTests : IDisposable
{
    private const string Secret = "whsec_integration";

    private readonly string _uploads = $"uploads-{Guid.NewGuid():N}"[..20];
    private readonly string _prod = $"prod-{Guid.NewGuid():N}"[..20];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(FauxqsEmulator Emulator, AmazonS3Client S3, string ResultsQueue)> ArrangeAsync(
        string key, string clip, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var emulator = await FauxqsEmulator.Shared;
        var s3 = emulator.CreateS3Client();
        await s3.PutBucketAsync(_uploads, cancellationToken);
        await s3.PutBucketAsync(_prod, cancellationToken);
        var put = new PutObjectRequest { BucketName = _uploads, Key = key, FilePath = clip };
        foreach (var (name, value) in metadata)
        {
            put.Metadata.Add(name, value);
        }

        await s3.PutObjectAsync(put, cancellationToken);
        var results = (await emulator.CreateSqsClient().CreateQueueAsync($"results-{Guid.NewGuid():N}"[..20], cancellationToken)).QueueUrl;
        return (emulator, s3, results);
    }

    private Dictionary<string, string> Environment(FauxqsEmulator emulator, string key, string resultsQueue, Uri webhook) =>
        new(emulator.ClientEnvironment)
        {
            [JobEnvironment.SourceBucket] = _uploads,
            [JobEnvironment.SourceKey] = key,
            [JobEnvironment.OutputBucket] = _prod,
            [JobEnvironment.WorkDir] = _temp.Combine("work"),
            [JobEnvironment.ResultsQueueUrl] = resultsQueue,
            [JobEnvironment.WebhookUrl] = webhook.ToString(),
            [JobEnvironment.WebhookSecret] = Secret,
            [JobEnvironment.LogFormat] = "json",
            [JobEnvironment.Attempt] = "2",
        };

    private static async Task<Message> TakeEventAsync(FauxqsEmulator emulator, string queueUrl, CancellationToken cancellationToken)
    {
        var received = await emulator.CreateSqsClient().ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1, MessageAttributeNames = ["All"] },
            cancellationToken);
        Assert.That(received.Messages, Has.Count.EqualTo(1), "one event");
        return received.Messages.Single();
    }

    private static JsonElement EmfLine(ChildProcess process) =>
        JsonDocument.Parse(process.StdoutLines.Single(line => line.Contains("\"_aws\"", StringComparison.Ordinal))).RootElement;

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_UploadWithMetadataOptions_DoneEventOnTheQueueAndTheWebhookWithTheMetrics(CancellationToken cancellationToken)
    {
        // Arrange: the uploader asked for one rendition and passed its own reference, as metadata on the object.
        var (emulator, s3, results) = await ArrangeAsync(
            "users/7/clip.mp4", await Clips.Landscape(), new() { ["renditions"] = "96p", ["passthrough"] = "order-42" }, cancellationToken);
        await using var webhook = new WebhookReceiver();
        var eTag = (await s3.GetObjectMetadataAsync(_uploads, "users/7/clip.mp4", cancellationToken)).ETag.Trim('"');

        // Act
        await using var process = await JobProcess.RunAsync([], Environment(emulator, "users/7/clip.mp4", results, webhook.Url), cancellationToken);

        // Assert: the metadata chose the ladder and the passthrough reached the manifest.
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), process.Stdout + process.Stderr);
        var message = await TakeEventAsync(emulator, results, cancellationToken);
        Assert.That(message.MessageAttributes["type"].StringValue, Is.EqualTo("job.done"));
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("job.done"));
        Assert.That(body.GetProperty("source").GetProperty("key").GetString(), Is.EqualTo("users/7/clip.mp4"));
        Assert.That(body.GetProperty("revision").GetString(), Is.EqualTo($"etag:{eTag}"));
        Assert.That(body.GetProperty("passthrough").GetString(), Is.EqualTo("order-42"));
        var outputs = body.GetProperty("outputs");
        Assert.That(outputs.GetProperty("location").GetString(), Does.StartWith($"s3://{_prod}/clip-"));
        Assert.That(outputs.GetProperty("hls").GetString(), Is.EqualTo("master.m3u8"));
        Assert.That(outputs.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()), Does.Contain("96p.cmfv").And.Not.Contain("180p.cmfv"));
        Assert.That(body.GetProperty("durationSeconds").GetDouble(), Is.GreaterThan(1).And.LessThan(3));
        Assert.That(OutputSchemas.Problems(OutputSchemas.JobEventFile, message.Body), Is.Empty, message.Body);
        using var manifest = await s3.GetObjectAsync(_prod, $"{outputs.GetProperty("location").GetString()![$"s3://{_prod}/".Length..]}{JobManifest.FileName}", cancellationToken);
        var manifestJson = await new StreamReader(manifest.ResponseStream).ReadToEndAsync(cancellationToken);
        Assert.That(OutputSchemas.Problems(OutputSchemas.ManifestFile, manifestJson), Is.Empty, manifestJson);

        // The same event, signed, on the webhook; a receiver's check accepts it.
        var posted = webhook.Received.Single();
        Assert.That(posted.Body, Is.EqualTo(message.Body));
        Assert.That(WebhookSignature.Verify(Secret, posted.Signature, posted.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance), Is.True);

        // And one metrics line in the dispatcher's style.
        var emf = EmfLine(process);
        var directive = emf.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.That(directive.GetProperty("Namespace").GetString(), Is.EqualTo("Transcoder/Job"));
        Assert.That(directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()),
            Is.EquivalentTo(new[] { "Jobs", "Attempt", "SourceSeconds", "OutputSeconds", "EncodeSeconds", "RealtimeFactor", "BytesIn", "BytesOut" }));
        Assert.That(emf.GetProperty("Outcome").GetString(), Is.EqualTo("done"));
        Assert.That(emf.GetProperty("Attempt").GetInt32(), Is.EqualTo(2));
        Assert.That(emf.GetProperty("BytesIn").GetInt64(), Is.EqualTo(new FileInfo(await Clips.Landscape()).Length));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_UploadMetadataAsksForAnUnknownRendition_FailedEventNamingItNothingEncoded(CancellationToken cancellationToken)
    {
        // Arrange
        var (emulator, s3, results) = await ArrangeAsync("typo.mp4", await Clips.Landscape(), new() { ["renditions"] = "1080x" }, cancellationToken);
        await using var webhook = new WebhookReceiver();

        // Act
        await using var process = await JobProcess.RunAsync([], Environment(emulator, "typo.mp4", results, webhook.Url), cancellationToken);

        // Assert: bad input (the upload's fault), said on stderr, in failure.json, in the event and in the metrics.
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.BadInput));
        Assert.That(process.StderrLines.Single(), Does.Contain("unknown rendition '1080x'"));
        var message = await TakeEventAsync(emulator, results, cancellationToken);
        var body = JsonDocument.Parse(message.Body).RootElement;
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("job.failed"));
        Assert.That(OutputSchemas.Problems(OutputSchemas.JobEventFile, message.Body), Is.Empty, message.Body);
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("upload metadata").And.Contain("1080x"));
        Assert.That(body.GetProperty("outputs").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(EmfLine(process).GetProperty("Outcome").GetString(), Is.EqualTo("bad-input"));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _prod }, cancellationToken);
        Assert.That(listed.S3Objects.Select(o => o.Key), Has.All.EndsWith("failure.json"));
        using var failure = await s3.GetObjectAsync(_prod, listed.S3Objects.Single().Key, cancellationToken);
        var failureJson = await new StreamReader(failure.ResponseStream).ReadToEndAsync(cancellationToken);
        Assert.That(OutputSchemas.Problems(OutputSchemas.FailureFile, failureJson), Is.Empty, failureJson);
    }
}
