using System.Diagnostics;
using System.Text.Json;
using Amazon.S3.Model;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalAws;
using Transcoder.LocalPipeline;
using Transcoder.Shared;
using Transcoder.Shared.Outputs;
using Transcoder.Testing;

namespace Transcoder.Pipeline.Tests;

/// <summary>
/// A long source through the whole pipeline on the emulator: upload → queue → dispatcher → the first job cuts it and
/// queues its chunks → the dispatcher launches them as local processes, two at a time → the last part stitches. The
/// thresholds are tiny so that a 12 s clip is "long".
/// </summary>
[Category("Integration")]
public sealed class ChunkedPipelineEndToEndTests
{
    private const string Key = "uploads/long film.mp4";
    private const int Chunks = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "transcoder-chunked-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Upload_LongSource_ChunkedThroughTheDispatcherAndStitchedLikeASingleTask(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await TinyClip.MakeAsync(_scratch, "long.mp4", "640x360", 12, cancellationToken);
        var single = await SingleTaskAsync(clip, cancellationToken);
        await using var stack = await StartAsync(cancellationToken);

        // Act
        await stack.UploadAsync(clip, Key, cancellationToken);
        var manifest = await WaitForManifestAsync(stack, cancellationToken);

        // Assert: the first job and its three chunks, each its own process, all done.
        Assert.That(stack.Jobs.Exits.Select(e => e.ExitCode), Is.All.EqualTo(ExitCodes.Success));
        Assert.That(stack.Jobs.Exits.Select(e => e.Chunk?.Index), Is.EquivalentTo(new int?[] { null, 0, 1, 2 }));
        await AssertLikeSingleTaskAsync(stack, manifest, single, cancellationToken);
        await AssertNothingLeftAsync(stack, cancellationToken);
        var events = await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken);
        Assert.That(events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("type").GetString()), Is.EqualTo(new[] { "job.done" }), "one event for the job");
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Upload_ChunkTaskStoppedMidEncode_OnlyThatChunkRunsAgain(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await TinyClip.MakeAsync(_scratch, "long.mp4", "640x360", 12, cancellationToken);
        await using var stack = await StartAsync(cancellationToken);
        await stack.UploadAsync(clip, Key, cancellationToken);
        await Eventually.HoldsAsync(() => stack.Jobs.RunningChunks.Count > 0, Patience, "a chunk encoding", cancellationToken);
        var (process, stopped) = stack.Jobs.RunningChunks.First();

        // Act: what ECS does when Spot takes the task.
        ChildProcess.Signal(process, ChildProcess.SigTerm);
        await WaitForManifestAsync(stack, cancellationToken);

        // Assert: that chunk was released (143) and encoded again; no other part ran twice.
        var runs = stack.Jobs.Exits.GroupBy(e => e.Chunk?.Index).ToDictionary(g => g.Key ?? -1, g => g.Select(e => e.ExitCode).ToList());
        Assert.That(runs[stopped.Index], Is.EqualTo(new[] { ExitCodes.Terminated, ExitCodes.Success }));
        Assert.That(runs.Where(r => r.Key != stopped.Index).Select(r => r.Value), Is.All.EqualTo(new[] { ExitCodes.Success }));
        await AssertNothingLeftAsync(stack, cancellationToken);
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Upload_ReplacedWhileItsChunksEncode_TheLaterUploadPublishesAndTheEarlierEndsOnce(CancellationToken cancellationToken)
    {
        // Arrange: the first upload is cut and its chunks are encoding when the key is uploaded again.
        var first = await TinyClip.MakeAsync(_scratch, "first.mp4", "640x360", 12, cancellationToken);
        var second = await TinyClip.MakeAsync(_scratch, "second.mp4", "640x360", 10, cancellationToken);
        await using var stack = await StartAsync(cancellationToken);
        await stack.UploadAsync(first, Key, cancellationToken);
        await Eventually.HoldsAsync(() => stack.Jobs.RunningChunks.Count > 0, Patience, "a chunk encoding", cancellationToken);

        // Act
        await stack.UploadAsync(second, Key, cancellationToken);
        var uploaded = await stack.S3.GetObjectMetadataAsync(PipelineStack.TempBucket, Key, cancellationToken);
        await Eventually.HoldsAsync(
            async () => stack.Jobs.RunningProcessIds.Count == 0 && (await stack.DepthsAsync(cancellationToken)).IsEmpty
                        && await stack.ExistsAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(Key, JobManifest.FileName), cancellationToken),
            Patience, "both jobs over", cancellationToken);

        // Assert: the folder is the later upload's; the earlier job ended with one event, the later with one.
        var manifest = await WaitForManifestAsync(stack, cancellationToken);
        Assert.That(manifest.Source.ETag, Is.EqualTo(uploaded.ETag.Trim('"')));
        Assert.That(manifest.Source.DurationSeconds, Is.EqualTo(10).Within(0.1));
        var events = (await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken)).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()).Order(), Is.EqualTo(new[] { "job.done", "job.superseded" }));
        Assert.That(events.Select(e => e.GetProperty("jobId").GetString()).Distinct().Count(), Is.EqualTo(2));
        await AssertNothingLeftAsync(stack, cancellationToken);
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Player_StitchedOutput_PlaysAcrossTheSeamsWithoutAStall(CancellationToken cancellationToken)
    {
        // Arrange: a long source's outputs (three chunks, seams at 4 s and 8 s), served as the player page serves them.
        var clip = await TinyClip.MakeAsync(_scratch, "long.mp4", "640x360", 12, cancellationToken);
        await using var stack = await StartAsync(cancellationToken);
        await stack.UploadAsync(clip, Key, cancellationToken);
        var manifest = await WaitForManifestAsync(stack, cancellationToken);
        var media = Path.Combine(_scratch, "media");
        var folder = Path.Combine(media, OutputFolder.ForObject(PipelineStack.TempBucket, Key));
        Directory.CreateDirectory(folder);
        foreach (var item in await stack.OutputsAsync(Key, cancellationToken))
        {
            using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, item.Key, cancellationToken);
            await response.WriteResponseStreamToFileAsync(Path.Combine(folder, Path.GetFileName(item.Key)), append: false, cancellationToken);
        }

        await using var server = Transcoder.LocalPipeline.Playback.StaticFileServer.Start(Transcoder.LocalPipeline.Playback.PlayerSite.Folders(media));
        await using var browser = new Playback.HeadlessChromium();
        var page = await browser.OpenAsync(new Uri(server.BaseUrl, Transcoder.LocalPipeline.Playback.PlayerSite.PlayerPath(Path.GetFileName(folder), manifest.Hls!)));

        // Act: play it through at twice the speed.
        await page.WaitForFunctionAsync("window.playerState.levels.length > 0", null, new() { Timeout = 30_000 });
        await page.EvaluateAsync("(() => { const v = document.getElementById('video'); v.playbackRate = 2; return v.play(); })()");
        await page.WaitForFunctionAsync("window.playerState.ended || window.playerState.errors.length > 0", null, new() { Timeout = 60_000 });

        // Assert: no hls.js error (a gap at a seam is a bufferStalledError or a hole skipped), no wait for data, to the end.
        Assert.That(await page.EvaluateAsync<string[]>("window.playerState.errors"), Is.Empty);
        Assert.That(await page.EvaluateAsync<double[]>("window.playerState.stalls"), Is.Empty, "playback waited at these times");
        var played = await page.EvaluateAsync<double[]>("(() => { const v = document.getElementById('video'); return [v.currentTime, v.duration]; })()");
        Assert.That(played[0], Is.EqualTo(12).Within(0.25), "played to the end");
    }

    private Task<PipelineStack> StartAsync(CancellationToken cancellationToken) => PipelineStack.StartAsync(
        new Dictionary<string, string?>
        {
            [SettingNames.LocalMaxJobs] = "2",
            [SettingNames.LogFormat] = "text",
            [SettingNames.Metrics] = "off",
            [JobEnvironment.WorkDir] = _scratch,
            [JobEnvironment.Quality] = "off",
            [JobEnvironment.SplitAboveSeconds] = "5",
            [JobEnvironment.ChunkSeconds] = "4",
            [JobEnvironment.MaxChunks] = $"{Chunks}",
        },
        queueVisibilitySeconds: 120,
        cancellationToken);

    // The same clip, one task, as the README's first command runs it (quality off, as the chunked run).
    private async Task<string> SingleTaskAsync(string clip, CancellationToken cancellationToken)
    {
        var output = Path.Combine(_scratch, "single");
        await using var job = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"), ["--input", clip, "--output", output, "--quality", "off"], new Dictionary<string, string>());
        Assert.That(await job.WaitForExitAsync(cancellationToken), Is.Zero, job.Stderr);
        return Directory.GetDirectories(output).Single();
    }

    private static async Task<JobManifest> WaitForManifestAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        var manifestKey = PipelineStack.OutputKey(Key, JobManifest.FileName);
        await Eventually.HoldsAsync(
            async () => stack.Jobs.RunningProcessIds.Count == 0 && await stack.ExistsAsync(PipelineStack.ProdBucket, manifestKey, cancellationToken),
            Patience, "the manifest written and every job process ended", cancellationToken);
        using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, manifestKey, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return JsonSerializer.Deserialize(await reader.ReadToEndAsync(cancellationToken), ManifestJsonContext.Default.JobManifest)!;
    }

    private async Task AssertLikeSingleTaskAsync(PipelineStack stack, JobManifest manifest, string single, CancellationToken cancellationToken)
    {
        var expected = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(single, JobManifest.FileName), cancellationToken), ManifestJsonContext.Default.JobManifest)!;
        var outputs = (await stack.OutputsAsync(Key, cancellationToken)).Select(o => Path.GetFileName(o.Key)).Order().ToList();
        Assert.That(outputs, Is.EqualTo(Directory.GetFiles(single).Select(Path.GetFileName).Order().ToList()), "the same files");
        Assert.That(manifest.Files.Select(f => (f.File, f.Role)).Order(), Is.EqualTo(expected.Files.Select(f => (f.File, f.Role)).Order()));
        Assert.That(manifest.Renditions.Select(r => (r.Name, r.Width, r.Height, r.File, r.Playlist, r.Track)), Is.EqualTo(expected.Renditions.Select(r => (r.Name, r.Width, r.Height, r.File, r.Playlist, r.Track))));
        Assert.That(manifest.Renditions[0].DurationSeconds, Is.EqualTo(expected.Renditions[0].DurationSeconds).Within(0.04), "within a frame");
        Assert.That(manifest.Audio!.Size, Is.EqualTo(expected.Audio!.Size), "the audio is the same encode");
        Assert.That(manifest.Storyboard, Is.EqualTo(expected.Storyboard).Using<ManifestStoryboard>((a, b) => a.Count == b.Count && a.Sheets.SequenceEqual(b.Sheets) && a.Rows == b.Rows));

        // The stitched track: the single task's samples, times and keyframes, fragment for fragment.
        var track = Path.Combine(_scratch, "stitched.cmfv");
        using (var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(Key, "360p.cmfv"), cancellationToken))
        {
            await response.WriteResponseStreamToFileAsync(track, append: false, cancellationToken);
        }

        Assert.That(await PacketsAsync(track), Is.EqualTo(await PacketsAsync(Path.Combine(single, "360p.cmfv"))));
    }

    private static async Task AssertNothingLeftAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        var work = await stack.S3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = PipelineStack.ProdBucket, Prefix = PipelineStack.OutputPrefix + ".chunks/" }, cancellationToken);
        Assert.That(work.S3Objects ?? [], Is.Empty, "the work area removed");
        var depths = await stack.DepthsAsync(cancellationToken);
        for (var i = 0; i < 20 && !depths.IsEmpty; i++)
        {
            await Task.Delay(100, cancellationToken);
            depths = await stack.DepthsAsync(cancellationToken);
        }

        Assert.That(depths, Is.EqualTo(new QueueDepths(0, 0, 0)), "every message deleted, DLQ empty");
    }

    private static async Task<string> PacketsAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "packet=pts,dts,duration,flags", "-of", "csv=p=0", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
