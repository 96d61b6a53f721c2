using System.Globalization;
using System.Net;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Tests.Support;
using Transcoder.LocalAws;
using Transcoder.LocalAws.S3;
using Transcoder.Shared.Jobs;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Cli;

/// <summary><c>transcoder urls KEY</c>: presigned GET URLs that download the outputs, and stop working when they should.</summary>
[Category("Integration")]
public sealed class UrlsCommandTests
{
    private const string Key = "uploads/my clip.mov";

    private static OutputFolderLocation FolderOf(EmulatorBuckets buckets) =>
        OutputFolderLocation.For(S3Output.Create(buckets.ProdBucket, EmulatorBuckets.OutputPrefix), buckets.TempBucket, Key);

    // A finished job's folder: its manifest and every file the manifest names, each with its own bytes.
    private static async Task PublishAsync(EmulatorBuckets buckets, string manifest, CancellationToken cancellationToken)
    {
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), manifest, cancellationToken);
        foreach (var file in JobDocuments.FilesOf(manifest))
        {
            await buckets.PutTextAsync(folder.Bucket, folder.KeyOf(file), $"bytes of {file}", cancellationToken);
        }
    }

    private static Dictionary<string, Uri> Links(ClientRun run) =>
        run.OutLines.Select(line => line.Split(' ', 2)).ToDictionary(parts => parts[0], parts => new Uri(parts[1]));

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri url, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var checks = new PresignedUrlCheckingHandler(
            key => key == FauxqsEmulator.AccessKey ? FauxqsEmulator.SecretKey : null, clock, new SocketsHttpHandler());
        using var http = new HttpClient(checks);
        using var response = await http.GetAsync(url, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Urls_Done_OneLinePerPlayableFileAndEachDownloadsItsObject(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var manifest = JobDocuments.Manifest("abc", DateTimeOffset.UtcNow);
        await PublishAsync(buckets, manifest, cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key, "--expires", "15m"], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        var links = Links(run);
        Assert.That(links.Keys, Is.EqualTo(new[] { "master.m3u8", "manifest.mpd", "720p.mp4", "360p.mp4", "poster.jpg", "manifest.json" }));
        foreach (var (file, url) in links)
        {
            var (status, body) = await GetAsync(url, TimeProvider.System, cancellationToken);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"{file}: {body}");
            Assert.That(body, Is.EqualTo(file == "manifest.json" ? manifest : $"bytes of {file}"), file);
            Assert.That(url.AbsolutePath, Does.EndWith($"/{FolderOf(buckets).KeyOf(file)}"));
        }
    }

    [TestCase(true, new[] { "master.m3u8", "manifest.mpd", "audio.m4a", "poster.jpg", "manifest.json" })]
    [TestCase(false, new[] { "master.m3u8", "manifest.mpd", "audio.m4a", "manifest.json" })]
    [CancelAfter(30_000)]
    public async Task Urls_AudioOnlyUpload_TheM4aAndAPosterOnlyFromCoverArt(bool coverArt, string[] expected, CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        await PublishAsync(buckets, JobDocuments.AudioOnlyManifest("abc", DateTimeOffset.UtcNow, coverArt), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(Links(run).Keys, Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Urls_Expires_TheUrlsStopWorkingThen(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        await PublishAsync(buckets, JobDocuments.Manifest("abc", DateTimeOffset.UtcNow), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key, "--expires", "15m"], buckets.Environment, buckets.Services(), cancellationToken);
        var poster = Links(run)["poster.jpg"];
        var signedAt = DateTimeOffset.ParseExact(HttpUtility.ParseQueryString(poster.Query)["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expiresSeconds = int.Parse(HttpUtility.ParseQueryString(poster.Query)["X-Amz-Expires"]!, CultureInfo.InvariantCulture);
        var (before, _) = await GetAsync(poster, new FakeTimeProvider(signedAt.AddMinutes(15).AddSeconds(-5)), cancellationToken);
        var (after, refusal) = await GetAsync(poster, new FakeTimeProvider(signedAt.AddMinutes(15).AddSeconds(5)), cancellationToken);

        // Assert: 15 minutes, within the second the SDK rounds to (it counts from its own clock, corrected by S3's Date header).
        Assert.That(expiresSeconds, Is.InRange(899, 901));
        Assert.That(before, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refusal, Does.Contain("<Code>AccessDenied</Code>").And.Contain("Request has expired"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Urls_OnlyHlsMade_NoDashOrMp4Lines(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        await PublishAsync(buckets, JobDocuments.Manifest("abc", DateTimeOffset.UtcNow, formats: "hls"), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(Links(run).Keys, Is.EqualTo(new[] { "master.m3u8", "poster.jpg", "manifest.json" }), run.ToString());
        Assert.That(HttpUtility.ParseQueryString(Links(run)["poster.jpg"].Query)["X-Amz-Expires"], Is.AnyOf("3599", "3600", "3601"), "1h by default");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Urls_JobFailed_Exit3WithItsError(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = FolderOf(buckets);
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("failure.json"), JobDocuments.Failure("abc", DateTimeOffset.UtcNow, "no video stream"), cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.JobFailed));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: the job refused the upload: no video stream" }));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Urls_NotFinished_Exit5(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.NotYet));
        Assert.That(run.ErrorLines.Single(), Does.StartWith("error: no manifest.json in s3://"));
    }

    [TestCase("8d")]
    [TestCase("0s")]
    [TestCase("1w")]
    [TestCase("soon")]
    [CancelAfter(30_000)]
    public async Task Urls_ExpiresOutOfRange_Exit2(string expires, CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["urls", Key, "--expires", expires], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: --expires '{expires}' must be a duration from 1s to 7d, like 90s, 15m, 1h or 7d" }));
    }
}
