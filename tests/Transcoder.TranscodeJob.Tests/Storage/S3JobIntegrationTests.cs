using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Transcoder.Shared;
using Transcoder.LocalAws;
using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Storage;

/// <summary>
/// The executable against real S3 and SQS calls (the fauxqs emulator), configured only through the environment
/// variables the dispatcher sets on a Fargate task.
/// </summary>
[Category("Integration")]
public sealed class S3JobIntegrationTests : IDisposable
{
    // A key with everything a key may hold: folders, "../", spaces, '+', unicode, a leading '-' in the name.
    private const string HostileKey = "incoming/../2026/-my clip+ü #1.mp4";

    private readonly string _uploads = $"uploads-{Guid.NewGuid():N}"[..20];
    private readonly string _prod = $"prod-{Guid.NewGuid():N}"[..20];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<(FauxqsEmulator Emulator, AmazonS3Client S3)> StartAsync()
    {
        var emulator = await FauxqsEmulator.Shared;
        return (emulator, emulator.CreateS3Client());
    }

    private Dictionary<string, string> JobEnvironmentFor(FauxqsEmulator emulator, string key, string? renditions = "144p")
    {
        var environment = new Dictionary<string, string>(emulator.ClientEnvironment)
        {
            [JobEnvironment.SourceBucket] = _uploads,
            [JobEnvironment.SourceKey] = key,
            [JobEnvironment.OutputBucket] = _prod,
            [JobEnvironment.OutputPrefix] = "videos",
            [JobEnvironment.JobId] = "job-under-test",
            [JobEnvironment.WorkDir] = _temp.Combine("work"),
        };
        if (renditions is not null)
        {
            environment[JobEnvironment.Renditions] = renditions;
        }

        return environment;
    }

    private async Task UploadAsync(AmazonS3Client s3, string key, string file, CancellationToken cancellationToken)
    {
        await s3.PutBucketAsync(_uploads, cancellationToken);
        await s3.PutBucketAsync(_prod, cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _uploads, Key = key, FilePath = file }, cancellationToken);
    }

    private string OutputPrefix(string key) => $"videos/{OutputFolder.ForObject(_uploads, key)}/";

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_S3ToS3_PublishesOutputsAndManifestThenSkipsARerun(CancellationToken cancellationToken)
    {
        // Arrange
        var (emulator, s3) = await StartAsync();
        await UploadAsync(s3, HostileKey, await Clips.Landscape(), cancellationToken);
        var prefix = OutputPrefix(HostileKey);

        // Act
        await using var first = await JobProcess.RunAsync([], JobEnvironmentFor(emulator, HostileKey), cancellationToken);

        // Assert: outputs with the right content types, the manifest last and complete.
        Assert.That(await first.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), first.Stdout + first.Stderr);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _prod, Prefix = prefix }, cancellationToken);
        Assert.That(listed.S3Objects.Select(o => o.Key[prefix.Length..]), Is.EquivalentTo(new[]
        {
            "master.m3u8", "144p.m3u8", "144p-iframes.m3u8", "audio.m3u8", "manifest.mpd", "144p.cmfv", "audio.cmfa", "144p.mp4",
            "storyboard-000.jpg", "storyboard.vtt", "poster.jpg", "manifest.json",
        }));
        // Each object with the Content-Type players and CDNs rely on.
        foreach (var (name, type) in new[]
                 {
                     ("144p.mp4", "video/mp4"), ("144p.cmfv", "video/mp4"), ("audio.cmfa", "audio/mp4"), ("master.m3u8", "application/vnd.apple.mpegurl"),
                     ("manifest.mpd", "application/dash+xml"), ("storyboard.vtt", "text/vtt"), ("storyboard-000.jpg", "image/jpeg"), ("manifest.json", "application/json"),
                 })
        {
            Assert.That((await s3.GetObjectMetadataAsync(_prod, prefix + name, cancellationToken)).Headers.ContentType, Is.EqualTo(type), name);
        }
        Assert.That((await s3.GetObjectMetadataAsync(_prod, prefix + "poster.jpg", cancellationToken)).Headers.ContentType, Is.EqualTo("image/jpeg"));

        var sourceETag = (await s3.GetObjectMetadataAsync(_uploads, HostileKey, cancellationToken)).ETag.Trim('"');
        using var manifestObject = await s3.GetObjectAsync(_prod, prefix + "manifest.json", cancellationToken);
        var manifest = (await JsonSerializer.DeserializeAsync(manifestObject.ResponseStream, ManifestJsonContext.Default.JobManifest, cancellationToken))!;
        Assert.That(manifest.JobId, Is.EqualTo("job-under-test"));
        Assert.That(manifest.Source.Uri, Is.EqualTo($"s3://{_uploads}/{HostileKey}"));
        Assert.That(manifest.Source.ETag, Is.EqualTo(sourceETag));
        Assert.That(manifest.Renditions.Single().Name, Is.EqualTo("144p"));

        var local = _temp.Combine("144p.mp4");
        using (var rendition = await s3.GetObjectAsync(_prod, prefix + "144p.mp4", cancellationToken))
        {
            await rendition.WriteResponseStreamToFileAsync(local, false, cancellationToken);
        }

        var facts = await MediaFacts.ReadAsync(local);
        Assert.That((facts.Width, facts.Height, facts.VideoCodec, facts.AudioStreams), Is.EqualTo((256, 144, "h264", 1)));
        Assert.That(Directory.GetFileSystemEntries(_temp.Combine("work")), Is.Empty);

        // Act again: the same upload (a duplicate event, a redelivered message).
        var before = await s3.GetObjectMetadataAsync(_prod, prefix + "144p.mp4", cancellationToken);
        await using var second = await JobProcess.RunAsync([], JobEnvironmentFor(emulator, HostileKey), cancellationToken);

        // Assert: exit 0, said so, nothing rewritten.
        Assert.That(await second.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), second.Stdout + second.Stderr);
        Assert.That(second.Stdout, Does.Contain("Already done"));
        Assert.That(second.Stdout, Does.Not.Contain("Encoded"));
        var after = await s3.GetObjectMetadataAsync(_prod, prefix + "144p.mp4", cancellationToken);
        Assert.That(after.LastModified, Is.EqualTo(before.LastModified));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_KeyUploadedAgainSinceTheEvent_SupersededPublishesNothingAndExitsZero(CancellationToken cancellationToken)
    {
        // Arrange: the event named one upload; another upload of the key is in place by the time the job runs.
        var (emulator, s3) = await StartAsync();
        await UploadAsync(s3, "clip.mp4", await Clips.Landscape(), cancellationToken);
        var environment = JobEnvironmentFor(emulator, "clip.mp4");
        environment[JobEnvironment.SourceRevision] = "etag:0123456789abcdef0123456789abcdef";

        // Act
        await using var process = await JobProcess.RunAsync([], environment, cancellationToken);

        // Assert: exit 0 (its message is deleted), said so, and nothing in the output folder.
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), process.Stdout + process.Stderr);
        Assert.That(process.Stdout, Does.Contain("Superseded"));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _prod, Prefix = OutputPrefix("clip.mp4") }, cancellationToken);
        Assert.That(listed.S3Objects ?? [], Is.Empty);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_SameUploadAskedForOtherRenditions_TranscodedAgainWithThePassthrough(CancellationToken cancellationToken)
    {
        // Arrange: the revision the event named is the one in place.
        var (emulator, s3) = await StartAsync();
        await UploadAsync(s3, "clip.mp4", await Clips.Landscape(), cancellationToken);
        var eTag = (await s3.GetObjectMetadataAsync(_uploads, "clip.mp4", cancellationToken)).ETag;
        var first = JobEnvironmentFor(emulator, "clip.mp4");
        first[JobEnvironment.SourceRevision] = $"etag:{eTag.Trim('"')}";
        await using (var run = await JobProcess.RunAsync([], first, cancellationToken))
        {
            Assert.That(await run.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), run.Stdout + run.Stderr);
        }

        // Act: a resubmission of the same upload asking for another rendition, with the uploader's reference.
        var second = JobEnvironmentFor(emulator, "clip.mp4", renditions: "180p");
        second[JobEnvironment.Passthrough] = "order 42 / ü";
        await using var again = await JobProcess.RunAsync([], second, cancellationToken);

        // Assert: not "already done"; the manifest describes what was asked this time.
        Assert.That(await again.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), again.Stdout + again.Stderr);
        Assert.That(again.Stdout, Does.Not.Contain("Already done"));
        using var manifestObject = await s3.GetObjectAsync(_prod, OutputPrefix("clip.mp4") + "manifest.json", cancellationToken);
        var manifest = (await JsonSerializer.DeserializeAsync(manifestObject.ResponseStream, ManifestJsonContext.Default.JobManifest, cancellationToken))!;
        Assert.That(manifest.Renditions.Single().Name, Is.EqualTo("180p"));
        Assert.That(manifest.Passthrough, Is.EqualTo("order 42 / ü"));
        Assert.That(manifest.Source.Fingerprint, Does.StartWith($"etag:{eTag.Trim('"')};request="));
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Run_TwoUploadsOfOneKeyRacing_TheFolderEndsAsTheLaterUploadAlone(CancellationToken cancellationToken)
    {
        // Arrange: a first upload and its job; while that job works, the key is uploaded again (other content, other
        // renditions asked for) and the second job starts. Either may finish first.
        var (emulator, s3) = await StartAsync();
        await UploadAsync(s3, "race.mp4", await Clips.Landscape(), cancellationToken);
        var firstETag = (await s3.GetObjectMetadataAsync(_uploads, "race.mp4", cancellationToken)).ETag.Trim('"');
        var first = JobEnvironmentFor(emulator, "race.mp4", renditions: "180p,144p");
        first[JobEnvironment.SourceRevision] = $"etag:{firstETag}";
        first[JobEnvironment.JobId] = "first";

        // Act
        await using var older = JobProcess.Start([], first);
        await older.WaitForLineAsync(line => line.Contains("Downloading", StringComparison.Ordinal), cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = _uploads, Key = "race.mp4", FilePath = await Clips.NoAudio() }, cancellationToken);
        var secondETag = (await s3.GetObjectMetadataAsync(_uploads, "race.mp4", cancellationToken)).ETag.Trim('"');
        var second = JobEnvironmentFor(emulator, "race.mp4", renditions: "96p");
        second[JobEnvironment.SourceRevision] = $"etag:{secondETag}";
        second[JobEnvironment.JobId] = "second";
        await using var newer = JobProcess.Start([], second);
        var exits = await Task.WhenAll(older.WaitForExitAsync(cancellationToken), newer.WaitForExitAsync(cancellationToken));

        // Assert: both exit 0 (the older as superseded, or done and then replaced); the manifest is the later upload's
        // and the folder holds exactly the files it lists.
        Assert.That(exits, Is.EqualTo(new[] { ExitCodes.Success, ExitCodes.Success }), older.Stdout + older.Stderr + newer.Stdout + newer.Stderr);
        var prefix = OutputPrefix("race.mp4");
        using var manifestObject = await s3.GetObjectAsync(_prod, prefix + "manifest.json", cancellationToken);
        var manifest = (await JsonSerializer.DeserializeAsync(manifestObject.ResponseStream, ManifestJsonContext.Default.JobManifest, cancellationToken))!;
        Assert.That(manifest.JobId, Is.EqualTo("second"));
        Assert.That(manifest.Source.Fingerprint, Does.StartWith($"etag:{secondETag};"));
        Assert.That(manifest.Renditions.Select(r => r.Name), Is.EqualTo(new[] { "96p" }));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _prod, Prefix = prefix }, cancellationToken);
        Assert.That(listed.S3Objects.Select(o => o.Key[prefix.Length..]), Is.EquivalentTo(manifest.Files.Select(f => f.File).Append("manifest.json")));
        foreach (var file in manifest.Files)
        {
            var head = await s3.GetObjectMetadataAsync(_prod, prefix + file.File, cancellationToken);
            Assert.That(head.ContentLength, Is.EqualTo(file.Size), $"{file.File} is the later upload's");
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_NoSuchKey_ExitsThreeAndWritesAFailureRecord(CancellationToken cancellationToken)
    {
        // Arrange
        var (emulator, s3) = await StartAsync();
        await UploadAsync(s3, "present.mp4", await Clips.Landscape(), cancellationToken);

        // Act
        await using var process = await JobProcess.RunAsync([], JobEnvironmentFor(emulator, "missing.mp4"), cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.BadInput));
        Assert.That(process.StderrLines.Single(), Is.EqualTo($"error: s3://{_uploads}/missing.mp4 does not exist"));
        using var record = await s3.GetObjectAsync(_prod, OutputPrefix("missing.mp4") + "failure.json", cancellationToken);
        var failure = (await JsonSerializer.DeserializeAsync(record.ResponseStream, ManifestJsonContext.Default.FailureRecord, cancellationToken))!;
        Assert.That(failure.JobId, Is.EqualTo("job-under-test"));
        Assert.That(failure.Error, Is.EqualTo($"s3://{_uploads}/missing.mp4 does not exist"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Run_WithItsMessage_DeletedOnSuccessOrBadInputReleasedOtherwise(CancellationToken cancellationToken)
    {
        // Arrange
        var (emulator, s3) = await StartAsync();
        using var sqs = emulator.CreateSqsClient();
        var queueUrl = (await sqs.CreateQueueAsync($"jobs-{Guid.NewGuid():N}", cancellationToken)).QueueUrl;
        await UploadAsync(s3, "good.mp4", await Clips.NoAudio(), cancellationToken);
        await UploadAsync(s3, "bad.mp4", await Clips.TextFile(), cancellationToken);

        // Act / Assert: success → deleted.
        await RunWithMessageAsync(sqs, queueUrl, JobEnvironmentFor(emulator, "good.mp4"), ExitCodes.Success, cancellationToken);
        Assert.That(await CountMessagesAsync(sqs, queueUrl, cancellationToken), Is.Zero);

        // Bad input → deleted (retrying cannot help; failure.json says why).
        await RunWithMessageAsync(sqs, queueUrl, JobEnvironmentFor(emulator, "bad.mp4"), ExitCodes.BadInput, cancellationToken);
        Assert.That(await CountMessagesAsync(sqs, queueUrl, cancellationToken), Is.Zero);

        // Transient (the output bucket is missing) → released: visible again at once, despite a long visibility timeout.
        var broken = JobEnvironmentFor(emulator, "good.mp4");
        broken[JobEnvironment.OutputBucket] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        await RunWithMessageAsync(sqs, queueUrl, broken, ExitCodes.Transient, cancellationToken);
        var again = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 1 }, cancellationToken);
        Assert.That(again.Messages, Has.Count.EqualTo(1));
        await sqs.DeleteMessageAsync(queueUrl, again.Messages[0].ReceiptHandle, cancellationToken);

        // A task with broken settings (usage error) → released too, never dropped.
        var misconfigured = JobEnvironmentFor(emulator, "good.mp4");
        misconfigured.Remove(JobEnvironment.OutputBucket);
        await RunWithMessageAsync(sqs, queueUrl, misconfigured, ExitCodes.Usage, cancellationToken);
        again = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 1 }, cancellationToken);
        Assert.That(again.Messages, Has.Count.EqualTo(1));
    }

    private static async Task RunWithMessageAsync(
        AmazonSQSClient sqs, string queueUrl, Dictionary<string, string> environment, int expectedExitCode, CancellationToken cancellationToken)
    {
        await sqs.SendMessageAsync(queueUrl, "{}", cancellationToken);
        var received = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = queueUrl, WaitTimeSeconds = 1, VisibilityTimeout = 600 }, cancellationToken);
        environment[JobEnvironment.QueueUrl] = queueUrl;
        environment[JobEnvironment.ReceiptHandle] = received.Messages.Single().ReceiptHandle;

        await using var process = await JobProcess.RunAsync([], environment, cancellationToken);
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(expectedExitCode), process.Stdout + process.Stderr);
    }

    private static async Task<int> CountMessagesAsync(AmazonSQSClient sqs, string queueUrl, CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] },
            cancellationToken);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }
}
