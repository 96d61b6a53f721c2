using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Tests.Support;
using Transcoder.Shared.Jobs;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Cli;

/// <summary><c>transcoder status KEY</c> on done, failed and pending folders in the emulator's prod bucket.</summary>
[Category("Integration")]
public sealed class StatusCommandTests
{
    private const string Key = "uploads/my clip.mov";

    private static readonly DateTimeOffset CompletedAt = new(2026, 11, 30, 17, 7, 39, TimeSpan.Zero);

    private static OutputFolderLocation FolderOf(EmulatorBuckets buckets) =>
        OutputFolderLocation.For(S3Output.Create(buckets.ProdBucket, EmulatorBuckets.OutputPrefix), buckets.TempBucket, Key);

    [Test]
    [CancelAfter(30_000)]
    public async Task Status_Done_PrintsRenditionsDurationAndFiles(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), JobDocuments.Manifest("abc", CompletedAt, "order-42"), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["status", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines[..7], Is.EqualTo(new[]
        {
            "status: done",
            $"folder: {folder}",
            "job: 167780bc201910031090fb473882c6a6",
            "completed: 2026-11-30 17:07:39 UTC",
            "duration: 4 s",
            "renditions: 720p (1280x720, 3464 kb/s), 360p (640x360, 3464 kb/s)",
            "passthrough: order-42",
        }));
        Assert.That(run.OutLines.SkipWhile(l => l != "files:").Skip(1).Select(l => l.Split(' ')[0]), Is.EqualTo(new[]
        {
            "master.m3u8", "manifest.mpd", "720p.mp4", "360p.mp4", "poster.jpg",
        }));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Status_Failed_PrintsTheJobsErrorExit3(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("failure.json"), JobDocuments.Failure("abc", CompletedAt, "my clip.mov is not a readable video: moov atom not found"), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["status", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.JobFailed), run.ToString());
        Assert.That(run.OutLines, Does.Contain("status: failed"));
        Assert.That(run.OutLines, Does.Contain("reason: my clip.mov is not a readable video: moov atom not found"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Status_NothingYet_SaysProcessingExit5(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["status", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.NotYet), run.ToString());
        Assert.That(run.OutLines[0], Is.EqualTo("status: processing"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Status_NoSettings_EveryProblemAtOnceExit2(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["status", Key], new Dictionary<string, string>(), buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "error: the temp bucket (where uploads land) is not set: pass --upload-bucket or set UPLOAD_BUCKET",
            "error: the prod bucket (where the job's outputs go) is not set: pass --prod-bucket or set BUCKET_NAME_PROD",
            "error: no region: pass --region or set AWS_REGION",
        }));
        Assert.That(run.Out, Is.Empty);
    }
}
