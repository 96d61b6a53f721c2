using System.Text.Json;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalPipeline;
using Transcoder.Shared;
using Transcoder.LocalAws;
using Transcoder.Testing;

namespace Transcoder.Pipeline.Tests;

/// <summary>
/// upload → S3 event → queue → Dispatcher (local launcher) → TranscodeJob process → prod bucket, on the emulator:
/// the message's whole life, as in AWS.
/// </summary>
[Category("Integration")]
public sealed class LocalPipelineEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // What a 360p upload with audio publishes: CMAF tracks, HLS, DASH, progressive MP4, storyboard, poster, manifest.
    private static readonly string[] OutputsOf360p =
    [
        "360p.cmfv", "360p.m3u8", "360p-iframes.m3u8", "360p.mp4", "audio.cmfa", "audio.m3u8", "manifest.json", "manifest.mpd", "master.m3u8",
        "poster.jpg", "storyboard-000.jpg", "storyboard.vtt",
    ];
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "transcoder-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Upload_GoodVideo_OutputsAndManifestMessageDeletedDlqEmpty(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await TinyClip.MakeAsync(_scratch, "good.mp4", "640x360", 1.5, cancellationToken);
        await using var stack = await StartAsync(maxJobs: 1, cancellationToken);
        const string key = "uploads/My Holiday+1 (é).mp4";

        // Act
        await stack.UploadAsync(clip, key, cancellationToken);
        await WaitForExitsAsync(stack, 1, cancellationToken);

        // Assert
        Assert.That(stack.Jobs.Exits.Single().ExitCode, Is.EqualTo(ExitCodes.Success));
        var outputs = (await stack.OutputsAsync(key, cancellationToken)).Select(o => Path.GetFileName(o.Key)).Order().ToList();
        Assert.That(outputs, Is.EquivalentTo(OutputsOf360p));
        await AssertQueuesDrainedAsync(stack, cancellationToken);

        // The upload went the client's way: one presigned PUT, its signature checked as S3 would.
        Assert.That(stack.PresignedChecks.Checked.Single(), Does.StartWith($"PUT /{PipelineStack.TempBucket}/uploads/").And.EndWith(": accepted"));

        // The application's side: one job.done event on the results queue, naming the upload and its outputs.
        var completion = JsonDocument.Parse((await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken)).Single()).RootElement;
        Assert.That(completion.GetProperty("type").GetString(), Is.EqualTo("job.done"));
        Assert.That(completion.GetProperty("source").GetProperty("key").GetString(), Is.EqualTo(key));
        Assert.That(completion.GetProperty("outputs").GetProperty("hls").GetString(), Is.EqualTo("master.m3u8"));
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task CaptionsAdd_AfterTheVideo_ACaptionJobAttachesItWithoutEncodingAgain(CancellationToken cancellationToken)
    {
        // Arrange: the video uploaded and published.
        var clip = await TinyClip.MakeAsync(_scratch, "clip.mp4", "640x360", 1.5, cancellationToken);
        await using var stack = await StartAsync(maxJobs: 1, cancellationToken);
        const string key = "uploads/clip.mp4";
        await stack.UploadAsync(clip, key, cancellationToken);
        await WaitForExitsAsync(stack, 1, cancellationToken);
        _ = await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var media = (await stack.OutputsAsync(key, cancellationToken)).Where(o => o.Key.EndsWith(".cmfv", StringComparison.Ordinal)).Select(o => (o.Key, o.ETag)).ToList();
        var srt = Path.Combine(_scratch, "french.srt");
        await File.WriteAllTextAsync(srt, "1\n00:00:00,200 --> 00:00:01,000\nBonjour\n", cancellationToken);

        // Act: days later, as far as the pipeline can tell.
        var captionKey = await stack.AddCaptionsAsync(key, srt, "fr", cancellationToken);
        await WaitForExitsAsync(stack, 2, cancellationToken);

        // Assert: a caption job under the naming rule, done; the media as they were; the caption in every index.
        Assert.That(captionKey, Is.EqualTo("uploads/clip.fr.srt"));
        Assert.That(stack.Jobs.Exits.Select(e => e.ExitCode), Is.EqualTo(new[] { ExitCodes.Success, ExitCodes.Success }));
        var outputs = await stack.OutputsAsync(key, cancellationToken);
        Assert.That(outputs.Select(o => Path.GetFileName(o.Key)), Is.EquivalentTo(OutputsOf360p.Append("caption-fr.vtt").Append("caption-fr.m3u8")));
        Assert.That(outputs.Where(o => o.Key.EndsWith(".cmfv", StringComparison.Ordinal)).Select(o => (o.Key, o.ETag)), Is.EqualTo(media), "not encoded again");
        using var manifest = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(key, "manifest.json"), cancellationToken);
        var subtitle = JsonDocument.Parse(manifest.ResponseStream).RootElement.GetProperty("subtitles").EnumerateArray().Single();
        Assert.That((subtitle.GetProperty("file").GetString(), subtitle.GetProperty("language").GetString(), subtitle.GetProperty("sourceFile").GetString()),
            Is.EqualTo(("caption-fr.vtt", "fr", "clip.fr.srt")));
        var completion = JsonDocument.Parse((await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken)).Single()).RootElement;
        Assert.That((completion.GetProperty("type").GetString(), completion.GetProperty("source").GetProperty("key").GetString()), Is.EqualTo(("job.done", captionKey)));
        await AssertQueuesDrainedAsync(stack, cancellationToken);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Upload_BrokenVideo_Exit3FailureRecordMessageDeleted(CancellationToken cancellationToken)
    {
        // Arrange: a file that claims to be a video.
        Directory.CreateDirectory(_scratch);
        var broken = Path.Combine(_scratch, "broken.mp4");
        await File.WriteAllTextAsync(broken, "this is a text file, not a video", cancellationToken);
        await using var stack = await StartAsync(maxJobs: 1, cancellationToken);
        const string key = "uploads/broken.mp4";

        // Act
        await stack.UploadAsync(broken, key, cancellationToken);
        await WaitForExitsAsync(stack, 1, cancellationToken);

        // Assert: not retried (bad input), and the failure recorded where the outputs would have gone.
        Assert.That(stack.Jobs.Exits.Single().ExitCode, Is.EqualTo(ExitCodes.BadInput));
        var outputs = (await stack.OutputsAsync(key, cancellationToken)).Select(o => Path.GetFileName(o.Key)).ToList();
        Assert.That(outputs, Is.EqualTo(new[] { "failure.json" }));
        await AssertQueuesDrainedAsync(stack, cancellationToken);
    }

    [Test]
    [CancelAfter(240_000)]
    public async Task Upload_JobStoppedMidEncode_MessageReleasedRetriedThenDone(CancellationToken cancellationToken)
    {
        // Arrange: long enough at 1080p that the job is still encoding when it is stopped.
        var clip = await TinyClip.MakeAsync(_scratch, "long.mp4", "1920x1080", 6, cancellationToken);
        await using var stack = await StartAsync(maxJobs: 1, cancellationToken);
        const string key = "uploads/interrupted.mp4";
        await stack.UploadAsync(clip, key, cancellationToken);
        await Eventually.HoldsAsync(() => stack.Jobs.RunningProcessIds.Count == 1, Patience, "the job running", cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        // Act: what ECS does when it stops a task (a Spot interruption, a deployment): SIGTERM.
        ChildProcess.Signal(stack.Jobs.RunningProcessIds.Single(), ChildProcess.SigTerm);
        await WaitForExitsAsync(stack, 2, cancellationToken);

        // Assert: interrupted (143), released at once, launched again, done.
        Assert.That(stack.Jobs.Exits.Select(e => e.ExitCode), Is.EqualTo(new[] { ExitCodes.Terminated, ExitCodes.Success }));
        Assert.That(await stack.ExistsAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(key, "manifest.json"), cancellationToken), Is.True);
        await AssertQueuesDrainedAsync(stack, cancellationToken);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Upload_NotifiedTwice_OneSetOfOutputs(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await TinyClip.MakeAsync(_scratch, "twice.mp4", "640x360", 1, cancellationToken);
        await using var stack = await StartAsync(maxJobs: 1, cancellationToken);
        const string key = "uploads/twice.mp4";

        // Act: S3 delivers at least once; the same event twice.
        var notification = await stack.UploadAsync(clip, key, cancellationToken);
        await stack.NotifyAsync(notification, cancellationToken);
        await WaitForExitsAsync(stack, 2, cancellationToken);

        // Assert: both jobs succeed under the same id, the second finds the first's manifest and encodes nothing.
        Assert.That(stack.Jobs.Exits.Select(e => e.ExitCode), Is.EqualTo(new[] { ExitCodes.Success, ExitCodes.Success }));
        Assert.That(stack.Jobs.Exits.Select(e => e.JobId).Distinct().Count(), Is.EqualTo(1));
        var outputs = (await stack.OutputsAsync(key, cancellationToken)).Select(o => Path.GetFileName(o.Key)).Order().ToList();
        Assert.That(outputs, Is.EquivalentTo(OutputsOf360p));
        var prodObjects = await stack.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = PipelineStack.ProdBucket }, cancellationToken);
        Assert.That(prodObjects.S3Objects, Has.Count.EqualTo(OutputsOf360p.Length), "no second folder");
        await AssertQueuesDrainedAsync(stack, cancellationToken);
    }

    private Task<PipelineStack> StartAsync(int maxJobs, CancellationToken cancellationToken) => PipelineStack.StartAsync(
        new Dictionary<string, string?>
        {
            [SettingNames.LocalMaxJobs] = maxJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SettingNames.LogFormat] = "text",
            [SettingNames.Metrics] = "off",
            [JobEnvironment.WorkDir] = _scratch,
        },
        queueVisibilitySeconds: 120,
        cancellationToken);

    private static Task WaitForExitsAsync(PipelineStack stack, int count, CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(() => stack.Jobs.Exits.Count >= count && stack.Jobs.RunningProcessIds.Count == 0, Patience, $"{count} job(s) finished", cancellationToken);

    private static async Task AssertQueuesDrainedAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        // The job deletes its message just before it exits; the emulator may count it a moment later.
        var depths = await stack.DepthsAsync(cancellationToken);
        for (var i = 0; i < 20 && !depths.IsEmpty; i++)
        {
            await Task.Delay(100, cancellationToken);
            depths = await stack.DepthsAsync(cancellationToken);
        }

        Assert.That(depths, Is.EqualTo(new QueueDepths(0, 0, 0)), "message deleted, DLQ empty");
    }
}
