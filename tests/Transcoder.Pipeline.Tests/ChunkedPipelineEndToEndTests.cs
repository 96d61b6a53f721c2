using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
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
    public async Task Upload_LongSourceWithTwoAudioLanguagesAndSubtitles_EveryTrackPublishedLikeASingleTask(CancellationToken cancellationToken)
    {
        // Arrange: English and French audio, French and English SubRip subtitles, in Matroska.
        var clip = await TinyClip.MakeWithSubtitlesAsync(_scratch, "long.mkv", "640x360", 12,
        [
            ("fre", "1\n00:00:01,000 --> 00:00:02,500\nPremier\n\n2\n00:00:09,000 --> 00:00:11,000\nDernier\n"),
            ("eng", "1\n00:00:01,000 --> 00:00:02,500\nFirst\n\n2\n00:00:09,000 --> 00:00:11,000\nLast\n"),
        ], cancellationToken);
        var single = await SingleTaskAsync(clip, cancellationToken);
        await using var stack = await StartAsync(cancellationToken);

        // Act
        await stack.UploadAsync(clip, Key, cancellationToken);
        var manifest = await WaitForManifestAsync(stack, cancellationToken);

        // Assert: cut into chunks, and the same files (both audio tracks, both subtitle tracks and their playlists), the
        // same audio tracks and subtitles in the manifest, and the same master playlist, as one task makes.
        Assert.That(stack.Jobs.Exits.Select(e => e.Chunk?.Index), Is.EquivalentTo(new int?[] { null, 0, 1, 2 }));
        await AssertLikeSingleTaskAsync(stack, manifest, single, cancellationToken);
        Assert.That(manifest.AudioTracks.Select(a => a.Name), Is.EqualTo(new[] { "audio-en-1", "audio-fr-2" }));
        Assert.That(manifest.Subtitles.Select(t => t.Language), Is.EquivalentTo(new[] { "fr", "en" }));
        var expected = await ReadManifestAsync(single, cancellationToken);
        Assert.That(manifest.Subtitles, Is.EqualTo(expected.Subtitles));
        // The chunks' video bytes differ a little from one encode's (each chunk's encoder starts afresh): bit rates aside.
        Assert.That(
            Unsized(await TextAsync(stack, "master.m3u8", cancellationToken)),
            Is.EqualTo(Unsized(await File.ReadAllTextAsync(Path.Combine(single, "master.m3u8"), cancellationToken))),
            "the master playlist: both audio groups' tracks, the SUBTITLES group");
        Assert.That(
            AdaptationSets(await TextAsync(stack, "manifest.mpd", cancellationToken)),
            Is.EqualTo(AdaptationSets(await File.ReadAllTextAsync(Path.Combine(single, "manifest.mpd"), cancellationToken))),
            "the MPD's sets: video, each audio language, each subtitle language");
    }

    [Test]
    [CancelAfter(400_000)]
    public async Task Upload_LongSourceWithAv1Asked_TwinsEncodedByTheChunksAndListedLikeASingleTask(CancellationToken cancellationToken)
    {
        // Arrange
        var clip = await TinyClip.MakeAsync(_scratch, "long.mp4", "640x360", 12, cancellationToken);
        var single = await SingleTaskAsync(clip, cancellationToken, "--codecs", "h264,av1");
        await using var stack = await StartAsync(cancellationToken);

        // Act: AV1 asked for by the uploader (the upload's metadata).
        await stack.UploadAsync(clip, Key, cancellationToken, options: ["--codecs", "h264,av1"]);
        var manifest = await WaitForManifestAsync(stack, cancellationToken);

        // Assert: cut into chunks; the same files, the AV1 twins among them (no MP4 of them), listed in the master and
        // in their own DASH set as one task lists them.
        Assert.That(stack.Jobs.Exits.Select(e => e.Chunk?.Index), Is.EquivalentTo(new int?[] { null, 0, 1, 2 }));
        await AssertLikeSingleTaskAsync(stack, manifest, single, cancellationToken);
        var twins = manifest.Renditions.Where(r => r.Codec == "av1").ToList();
        Assert.That(twins, Is.Not.Empty);
        Assert.That(twins.Select(r => r.File), Is.All.Null, "progressive MP4s of the H.264 renditions only");
        Assert.That(
            Unsized(await TextAsync(stack, "master.m3u8", cancellationToken)),
            Is.EqualTo(Unsized(await File.ReadAllTextAsync(Path.Combine(single, "master.m3u8"), cancellationToken))));
        Assert.That(
            AdaptationSets(await TextAsync(stack, "manifest.mpd", cancellationToken)),
            Is.EqualTo(AdaptationSets(await File.ReadAllTextAsync(Path.Combine(single, "manifest.mpd"), cancellationToken))));

        // Each stitched twin: the single task's samples, times and keyframes.
        foreach (var twin in twins)
        {
            var track = await DownloadAsync(stack, twin.Track, cancellationToken);

            Assert.That(await PacketsAsync(track), Is.EqualTo(await PacketsAsync(Path.Combine(single, twin.Track))), twin.Name);
        }
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
    private async Task<string> SingleTaskAsync(string clip, CancellationToken cancellationToken, params string[] options)
    {
        var output = Path.Combine(_scratch, "single");
        await using var job = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"), ["--input", clip, "--output", output, "--quality", "off", .. options], new Dictionary<string, string>());
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

    private static async Task<JobManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, JobManifest.FileName), cancellationToken), ManifestJsonContext.Default.JobManifest)!;

    private static async Task<string> TextAsync(PipelineStack stack, string file, CancellationToken cancellationToken)
    {
        using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(Key, file), cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private async Task AssertLikeSingleTaskAsync(PipelineStack stack, JobManifest manifest, string single, CancellationToken cancellationToken)
    {
        var expected = await ReadManifestAsync(single, cancellationToken);
        var outputs = (await stack.OutputsAsync(Key, cancellationToken)).Select(o => Path.GetFileName(o.Key)).Order().ToList();
        Assert.That(outputs, Is.EqualTo(Directory.GetFiles(single).Select(Path.GetFileName).Order().ToList()), "the same files");
        Assert.That(manifest.Files.Select(f => (f.File, f.Role)).Order(), Is.EqualTo(expected.Files.Select(f => (f.File, f.Role)).Order()));
        Assert.That(manifest.Renditions.Select(r => (r.Name, r.Width, r.Height, r.File, r.Playlist, r.Track)), Is.EqualTo(expected.Renditions.Select(r => (r.Name, r.Width, r.Height, r.File, r.Playlist, r.Track))));
        Assert.That(manifest.Renditions[0].DurationSeconds, Is.EqualTo(expected.Renditions[0].DurationSeconds).Within(0.04), "within a frame");
        Assert.That(manifest.Audio!.Size, Is.EqualTo(expected.Audio!.Size), "the audio is the same encode");
        Assert.That(
            manifest.AudioTracks.Select(a => (a.Name, a.File, a.Track, a.Language, a.Label, a.IsDefault, a.Size)),
            Is.EqualTo(expected.AudioTracks.Select(a => (a.Name, a.File, a.Track, a.Language, a.Label, a.IsDefault, a.Size))),
            "every audio track, the same encodes");

        // The per-title ladder: the first task's analysis and choices, recorded as the single task records them.
        Assert.That(manifest.Ladder!.Mode, Is.EqualTo("per-title"));
        Assert.That(
            JsonSerializer.Serialize(manifest.Ladder, ManifestJsonContext.Default.ManifestLadder),
            Is.EqualTo(JsonSerializer.Serialize(expected.Ladder, ManifestJsonContext.Default.ManifestLadder)));
        Assert.That(manifest.Renditions.Select(r => r.RateControl), Is.EqualTo(expected.Renditions.Select(r => r.RateControl)));
        Assert.That(manifest.Storyboard, Is.EqualTo(expected.Storyboard).Using<ManifestStoryboard>((a, b) => a.Count == b.Count && a.Sheets.SequenceEqual(b.Sheets) && a.Rows == b.Rows));

        // The stitched track: the single task's samples, times and keyframes, fragment for fragment.
        var track = await DownloadAsync(stack, "360p.cmfv", cancellationToken);

        Assert.That(await PacketsAsync(track), Is.EqualTo(await PacketsAsync(Path.Combine(single, "360p.cmfv"))));
        Assert.That(X264Factors(track), Is.EqualTo(Enumerable.Repeat(X264Factors(Path.Combine(single, "360p.cmfv")).Single(), Chunks)), "every chunk at the plan's factor");
        Assert.That(X264Factors(track)[0], Is.EqualTo(string.Create(CultureInfo.InvariantCulture, $"{manifest.Renditions.Single(r => r.Name == "360p").RateControl!.Crf}.0")));
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

    // A published file, downloaded into the scratch folder.
    private async Task<string> DownloadAsync(PipelineStack stack, string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_scratch, "stitched-" + file);
        using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(Key, file), cancellationToken);
        await response.WriteResponseStreamToFileAsync(path, append: false, cancellationToken);
        return path;
    }

    private static string Unsized(string playlist) => Regex.Replace(playlist, "BANDWIDTH=[0-9]+", "BANDWIDTH=n");

    private static IReadOnlyList<string> AdaptationSets(string mpd) =>
        [.. Regex.Matches(mpd, "<AdaptationSet[^>]*>").Select(m => Regex.Replace(m.Value, "[Bb]andwidth=\"[0-9]+\"", "bandwidth=n"))];

    // x264 writes its options into the first frame of every encode it makes: one in a whole track, one per chunk in a
    // stitched one.
    private static IReadOnlyList<string> X264Factors(string path) =>
        [.. Regex.Matches(Encoding.Latin1.GetString(File.ReadAllBytes(path)), @" crf=([0-9.]+) ").Select(m => m.Groups[1].Value)];

    private static async Task<string> PacketsAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "packet=pts,dts,duration,flags", "-of", "csv=p=0", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
