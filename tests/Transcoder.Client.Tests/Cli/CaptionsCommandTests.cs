using System.Text.Json;
using Transcoder.Client.Hosting;
using Transcoder.Client.Jobs;
using Transcoder.Client.Tests.Support;
using Transcoder.Shared.Jobs;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;

namespace Transcoder.Client.Tests.Cli;

/// <summary><c>transcoder captions add KEY FILE --lang fr</c>: the checks before anything is sent, the key it gets, and --wait.</summary>
[Category("Integration")]
public sealed class CaptionsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Caption(string name, string text)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Add_GoodFile_UploadedBesideTheVideoUnderTheNamingRule(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = Caption("sous-titres.srt", "1\n00:00:01,000 --> 00:00:02,000\nBonjour\n");

        // Act
        var run = await ClientRun.RunAsync(["captions", "add", "uploads/my clip.mov", path, "--lang", "FRE", "--forced"], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines, Is.EqualTo(new[] { $"uploaded: s3://{buckets.TempBucket}/uploads/my clip.fr.forced.srt", $"video: s3://{buckets.TempBucket}/uploads/my clip.mov" }));
        Assert.That(await buckets.ReadAsync(buckets.TempBucket, "uploads/my clip.fr.forced.srt", cancellationToken), Is.EqualTo(File.ReadAllBytes(path)));
        Assert.That(buckets.Checks.Checked.Single(), Does.EndWith(": accepted"), "through a presigned URL");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Add_BrokenFileOrBadOptions_EveryProblemAndNothingSent(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var broken = Caption("broken.srt", "1\n00:00:02,000 --> 00:00:01,000\nBackwards\n");
        var text = Caption("notes.txt", "hello");

        // Act
        var badFile = await ClientRun.RunAsync(["captions", "add", "clip.mp4", broken, "--lang", "fr"], buckets.Environment, buckets.Services(), cancellationToken);
        var badOptions = await ClientRun.RunAsync(["captions", "add", "clip.mp4", text, "--lang", "french"], buckets.Environment, buckets.Services(), cancellationToken);
        var noLanguage = await ClientRun.RunAsync(["captions", "add", "clip.mp4", broken], buckets.Environment, buckets.Services(), cancellationToken);

        // Assert
        Assert.That((badFile.ExitCode, badOptions.ExitCode, noLanguage.ExitCode), Is.EqualTo((ClientExitCodes.Usage, ClientExitCodes.Usage, ClientExitCodes.Usage)));
        Assert.That(badFile.ErrorLines[0], Is.EqualTo("error: broken.srt line 2: the cue ends at 00:00:01.000, not after it starts at 00:00:02.000"));
        Assert.That(badOptions.ErrorLines.TakeWhile(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "error: --lang 'french' is not a language tag such as fr, en-GB or pt-BR",
            $"error: {text}: a caption file ends in .vtt (WebVTT) or .srt (SubRip)",
        }));
        Assert.That(noLanguage.ErrorLines[0], Is.EqualTo("error: --lang is required: the caption's language, e.g. --lang fr"));
        Assert.That(buckets.Checks.Checked, Is.Empty, "nothing sent");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Add_Wait_EndsWhenTheVideosManifestListsTheCaption(CancellationToken cancellationToken)
    {
        // Arrange: the video's folder has its manifest; a caption job will revise it, listing the caption.
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var folder = OutputFolderLocation.For(S3Output.Create(buckets.ProdBucket, EmulatorBuckets.OutputPrefix), buckets.TempBucket, "clip.mp4");
        var published = JobDocuments.Manifest("abc", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), published, cancellationToken);
        var path = Caption("english.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n");
        var job = ActAsTheCaptionJobAsync(buckets, folder, published, cancellationToken);

        // Act
        var run = await ClientRun.RunAsync(["captions", "add", "clip.mp4", path, "--lang", "en", "--wait", "--timeout", "30s"], buckets.Environment, buckets.Services(), cancellationToken);
        await job;

        // Assert
        Assert.That(run.ExitCode, Is.EqualTo(ClientExitCodes.Success), run.ToString());
        Assert.That(run.OutLines, Does.Contain("status: done").And.Contain("subtitles: English (en, caption-en.vtt)"));
    }

    // What the caption job does, once the caption is in the temp bucket: the video's manifest revised to list it.
    private static async Task ActAsTheCaptionJobAsync(EmulatorBuckets buckets, OutputFolderLocation folder, string published, CancellationToken cancellationToken)
    {
        while (!await buckets.ExistsAsync(buckets.TempBucket, "clip.en.vtt", cancellationToken))
        {
            await Task.Delay(50, cancellationToken);
        }

        await Task.Delay(300, cancellationToken);
        var manifest = JsonSerializer.Deserialize(published, ManifestJsonContext.Default.JobManifest)! with
        {
            CompletedAt = DateTimeOffset.UtcNow,
            Subtitles = [new ManifestSubtitle("caption-en.vtt", "caption-en.m3u8", "en", "English", false, false, false, SubtitleOrigins.File, null, "clip.en.vtt", 1)],
        };
        await buckets.PutTextAsync(folder.Bucket, folder.KeyOf("manifest.json"), ManifestJson.Write(manifest), cancellationToken);
    }
}
