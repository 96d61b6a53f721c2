using System.Security.Cryptography;
using Amazon.S3;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Tests.Support;
using Transcoder.Shared.Jobs;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Cli;

/// <summary><c>transcoder upload</c> as a user runs it: options, the checks before anything is sent, and --wait.</summary>
[Category("Integration")]
public sealed class UploadCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static OutputFolderLocation FolderOf(EmulatorBuckets buckets, string key) =>
        OutputFolderLocation.For(S3Output.Create(buckets.ProdBucket, EmulatorBuckets.OutputPrefix), buckets.TempBucket, key);

    // What the job would do: once the upload is in the temp bucket, write its result, naming its revision.
    private static async Task ActAsTheJobAsync(EmulatorBuckets buckets, string key, Func<string, string> document, string file, CancellationToken cancellationToken)
    {
        while (!await buckets.ExistsAsync(buckets.TempBucket, key, cancellationToken))
        {
            await Task.Delay(50, cancellationToken);
        }

        var eTag = (await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, key, cancellationToken)).ETag.Trim('"');
        await Task.Delay(300, cancellationToken); // a few of the client's polls find nothing of this upload first
        var folder = FolderOf(buckets, key);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf(file), document(eTag), cancellationToken);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_WithOptions_LandsWithTheMetadataAndPrintsItsRevision(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 200_000);
        var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(path)));

        // Act
        var run = await ClientRun.RunAsync(
            ["upload", path, "--key", "in/clip.mp4", "--renditions", "720p, 360p", "--formats", "MP4,hls", "--passthrough", "order 42"],
            buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[] { $"uploaded: s3://{buckets.TempBucket}/in/clip.mp4", "size: 195.3 KiB in one PUT", $"revision: etag:{md5}" }));
        Assert.That(run.ErrorLines.First(), Is.EqualTo($"uploading {path} (195.3 KiB, one PUT) to s3://{buckets.TempBucket}/in/clip.mp4"));
        Assert.That(run.ErrorLines.Last(), Is.EqualTo("uploaded 100% (195.3 KiB of 195.3 KiB)"));
        var head = await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, "in/clip.mp4", cancellationToken);
        Assert.That(head.Metadata.Keys.Select(k => (k, head.Metadata[k])), Is.EquivalentTo(new[]
        {
            ("x-amz-meta-renditions", "720p,360p"), ("x-amz-meta-formats", "hls,mp4"), ("x-amz-meta-passthrough", "order 42"),
        }));
        Assert.That(buckets.Checks.Checked.Single(), Does.EndWith(": accepted"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_DefaultKey_UploadPrefixAndTheFileName(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("holiday clip.mov", 1000);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--upload-prefix", "incoming"], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(await buckets.ExistsAsync(buckets.TempBucket, "incoming/holiday clip.mov", cancellationToken), Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_AboveTheThresholdOption_GoesUpInPartsByteIdentical(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("long.mp4", (11 * 1024 * 1024) + 5);

        // Act
        var run = await ClientRun.RunAsync(
            ["upload", path, "--key", "long.mp4", "--multipart-threshold", "1", "--part-size", "5", "--parallel-parts", "3", "--passthrough", "p"],
            buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines[1], Is.EqualTo("size: 11.0 MiB in 3 parts"));
        Assert.That(run.OutLines[2], Does.Match("^revision: etag:[0-9a-f]{32}-3$"));
        Assert.That(await buckets.ReadAsync(buckets.TempBucket, "long.mp4", cancellationToken), Is.EqualTo(File.ReadAllBytes(path)));
        var head = await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, "long.mp4", cancellationToken);
        Assert.That(head.Metadata["x-amz-meta-passthrough"], Is.EqualTo("p"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_PassthroughTooLong_OneErrorLineExit2AndNothingSent(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 1000);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--passthrough", new string('x', 256)], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: --passthrough is 256 characters long; at most 255 are allowed" }));
        Assert.That(buckets.Checks.Checked, Is.Empty);
        Assert.That(await buckets.ExistsAsync(buckets.TempBucket, "clip.mp4", cancellationToken), Is.False);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_ManyMistakes_EveryProblemAtOnceExit2(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var environment = new Dictionary<string, string>(buckets.Environment) { ["AWS_ENDPOINT_URL"] = "ftp://127.0.0.1" };
        environment.Remove("UPLOAD_BUCKET");

        // Act
        var run = await ClientRun.RunAsync(
            ["upload", "/no/such/file.mp4", "--renditions", "1080x", "--formats", "webm", "--passthrough", "a\nb", "--timeout", "5m", "--part-size", "4"],
            environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "error: the temp bucket (where uploads land) is not set: pass --upload-bucket or set UPLOAD_BUCKET",
            "error: endpoint 'ftp://127.0.0.1' must be an http:// or https:// URL (--endpoint, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL)",
            "error: no region: pass --region or set AWS_REGION",
            "error: no such file: /no/such/file.mp4",
            "error: --renditions: unknown rendition '1080x': use an even height like 540p",
            "error: --formats: format 'webm': use hls, dash or mp4",
            "error: --passthrough holds a line break: it must fit on one line (it travels as an HTTP header)",
            "error: --timeout applies only with --wait",
            "error: --part-size must be 5 to 5120 MiB (S3's limits), not 4",
        }));
    }

    [TestCase("a/../b.mp4")]
    [TestCase("./b.mp4")]
    [TestCase("folder/")]
    [CancelAfter(60_000)]
    public async Task Upload_KeyAPresignedUrlCannotCarry_Exit2(string key, CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 1000);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--key", key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: --key '{key}'"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_EmptyFile_Exit2(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("empty.mp4", 0);

        // Act
        var run = await ClientRun.RunAsync(["upload", path], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: {path} is empty: there is nothing to transcode" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_Wait_EndsWithThisUploadsManifestNotAnEarlierOne(CancellationToken cancellationToken)
    {
        // Arrange: the folder already holds the manifest of an earlier upload of the key.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 5000);
        var folder = FolderOf(buckets, "clip.mp4");
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), JobDocuments.Manifest("earlier", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), cancellationToken);
        var job = ActAsTheJobAsync(buckets, "clip.mp4", eTag => JobDocuments.Manifest(eTag, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), "order 42"), "manifest.json", cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--passthrough", "order 42", "--wait", "--timeout", "30s"], buckets.Environment, buckets.Services(), cancellationToken);
        await job;

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines, Does.Contain("status: done").And.Contain("completed: 2026-11-30 12:00:00 UTC").And.Contain("passthrough: order 42"));
        Assert.That(run.Error, Does.Contain($"waiting for the job: looking at {folder} every "));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_Wait_JobRefusesTheVideo_Exit3(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 5000);
        var job = ActAsTheJobAsync(buckets, "clip.mp4", eTag => JobDocuments.Failure(eTag, DateTimeOffset.UtcNow, "clip.mp4 is not a readable video"), "failure.json", cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--wait"], buckets.Environment, buckets.Services(), cancellationToken);
        await job;

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.JobFailed), run.ToString());
        Assert.That(run.OutLines, Does.Contain("status: failed").And.Contain("reason: clip.mp4 is not a readable video"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_WaitRunsOut_SaysProcessingExit5(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 5000);

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--wait", "--timeout", "1s"], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.NotYet), run.ToString());
        Assert.That(run.OutLines, Does.Contain("status: processing"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_CtrlCDuringParts_Exit130AndTheUploadIsAborted(CancellationToken cancellationToken)
    {
        // Arrange: Ctrl-C while part 2 is on its way.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("long.mp4", 11 * 1024 * 1024);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var faults = new PartFaultHandler(
            async (part, token) =>
            {
                if (part == 2)
                {
                    await ctrlC.CancelAsync();
                    await Task.Delay(Timeout.Infinite, token);
                }

                return null;
            },
            buckets.Checks);
        var services = buckets.Services() with { HttpHandler = faults };

        // Act
        var run = await ClientRun.RunAsync(["upload", path, "--multipart-threshold", "1", "--part-size", "5"], buckets.Environment, services, ctrlC.Token);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Interrupted), run.ToString());
        Assert.That(run.ErrorLines.Last(), Is.EqualTo("error: interrupted; nothing was left half-written"));
        var probe = await Assert.ThrowsAsync<AmazonS3Exception>(() => buckets.S3.UploadPartAsync(
            new() { BucketName = buckets.TempBucket, Key = "long.mp4", UploadId = faults.UploadIds.Keys.Single(), PartNumber = 1, InputStream = new MemoryStream([1]) },
            cancellationToken));
        Assert.That(probe!.ErrorCode, Is.EqualTo("NoSuchUpload"));
        await buckets.S3.DeleteBucketAsync(buckets.TempBucket, cancellationToken); // refused while an upload is open
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upload_S3RefusesThePut_Exit4OneLine(CancellationToken cancellationToken)
    {
        // Arrange: presigned with a key the signature check does not know.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 1000);
        var services = buckets.Services() with
        {
            CreateS3 = settings => Client.Aws.S3ClientFactory.Create(settings, new Amazon.Runtime.BasicAWSCredentials("AKIDUNKNOWN", "whatever")),
        };

        // Act
        var run = await ClientRun.RunAsync(["upload", path], buckets.Environment, services, cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Transient), run.ToString());
        Assert.That(run.ErrorLines.Last(), Is.EqualTo("error: S3 refused the PUT of the file: HTTP 403 Forbidden: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records."));
        Assert.That(run.ErrorLines.Count(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
