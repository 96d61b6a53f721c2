using System.Text.Json;
using Microsoft.Playwright;
using Transcoder.LocalAws;
using Transcoder.LocalPipeline.Playback;
using Transcoder.Shared.Outputs;

namespace Transcoder.Pipeline.Tests.Playback;

/// <summary>
/// An <c>--codecs h264,av1</c> output of the bundled sample, played by hls.js through the player page in a real
/// headless Chromium: one master lists both codecs, and the browser plays AV1 when it decodes it, H.264 when it does not
/// (AV1 hidden by overriding <c>MediaSource.isTypeSupported</c> before the page's scripts run).
/// </summary>
[Category("Integration")]
public sealed class Av1PlaybackTests
{
    private const string Av1Type = "video/mp4; codecs=\"av01.0.04M.08\"";

    // What a browser without an AV1 decoder answers: hls.js then drops the AV1 variants from the master.
    private const string HideAv1 =
        "(() => { const supported = MediaSource.isTypeSupported.bind(MediaSource); MediaSource.isTypeSupported = (type) => !/av01/i.test(type) && supported(type); })();";

    // One transcode for both tests (NUnit runs a fixture's one-time set-up statically in instance-per-test mode).
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "transcoder-av1-playback-" + Guid.NewGuid().ToString("N")[..8]);
    private static string _folder = "";
    private static JobManifest? _manifest;
    private readonly HeadlessChromium _chromium = new();

    [OneTimeSetUp]
    public static async Task TranscodeAsync()
    {
        // The bundled sample (4 s of 1080p), as the README's first command runs it, with AV1 asked for: the default
        // ladder's four H.264 rungs and the AV1 twins of 720p, 480p and 360p.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var source = Path.Combine(RepoPaths.Samples, "sample-1080p.mp4");
        var output = Path.Combine(Scratch, "out");
        await using (var job = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"), ["--input", source, "--output", output, "--codecs", "h264,av1"], new Dictionary<string, string>()))
        {
            Assert.That(await job.WaitForExitAsync(timeout.Token), Is.Zero, job.Stderr);
        }

        _folder = Directory.GetDirectories(output).Single();
        _manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(_folder, JobManifest.FileName), timeout.Token), ManifestJsonContext.Default.JobManifest)!;
        Assert.That(_manifest.Renditions.Select(r => (r.Name, r.Codec)), Is.EqualTo(new[]
        {
            ("1080p", "h264"), ("720p", "h264"), ("720p-av1", "av1"), ("480p", "h264"), ("480p-av1", "av1"), ("360p", "h264"), ("360p-av1", "av1"),
        }));
    }

    [OneTimeTearDown]
    public static void RemoveScratch()
    {
        if (Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }

    [TearDown]
    public Task CloseBrowserAsync() => _chromium.DisposeAsync().AsTask();

    [Test]
    [CancelAfter(120_000)]
    public async Task Player_BrowserDecodesAv1_OffersAndPlaysTheAv1VariantsToTheEnd(CancellationToken cancellationToken)
    {
        // Arrange
        await using var server = StaticFileServer.Start(PlayerSite.Folders(Path.GetDirectoryName(_folder)!));
        var page = await _chromium.OpenAsync(new Uri(server.BaseUrl, PlayerSite.PlayerPath(Path.GetFileName(_folder), _manifest!.Hls!)));
        Assert.That(await page.EvaluateAsync<bool>($"MediaSource.isTypeSupported('{Av1Type}')"), Is.True, "this chromium cannot decode AV1 in MSE: install Debian's chromium");

        // Act: play, switch to the other AV1 level mid-way, play to the end.
        var played = await PlayWithASwitchAsync(page, cancellationToken);

        // Assert: both codecs offered; AV1 started and every level played was AV1.
        var offered = await page.EvaluateAsync<string[]>("window.playerState.levels.map(l => l.videoCodec)");
        Assert.That(offered.Count(c => c.StartsWith("av01.", StringComparison.Ordinal)), Is.EqualTo(3), string.Join(", ", offered));
        Assert.That(offered.Count(c => c.StartsWith("avc1.", StringComparison.Ordinal)), Is.EqualTo(4), string.Join(", ", offered));
        Assert.That(played, Has.Length.GreaterThanOrEqualTo(2).And.All.StartWith("av01."), "levels played");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Player_Av1Hidden_OffersAndPlaysH264ToTheEnd(CancellationToken cancellationToken)
    {
        // Arrange: a browser that says it cannot decode av01.
        await using var server = StaticFileServer.Start(PlayerSite.Folders(Path.GetDirectoryName(_folder)!));
        var page = await _chromium.OpenAsync(new Uri(server.BaseUrl, PlayerSite.PlayerPath(Path.GetFileName(_folder), _manifest!.Hls!)), HideAv1);
        Assert.That(await page.EvaluateAsync<bool>($"MediaSource.isTypeSupported('{Av1Type}')"), Is.False, "AV1 hidden");

        // Act
        var played = await PlayWithASwitchAsync(page, cancellationToken);

        // Assert: the AV1 variants skipped, H.264 played.
        var offered = await page.EvaluateAsync<string[]>("window.playerState.levels.map(l => l.videoCodec)");
        Assert.That(offered, Has.Length.EqualTo(4).And.All.StartWith("avc1."));
        Assert.That(played, Has.Length.GreaterThanOrEqualTo(2).And.All.StartWith("avc1."), "levels played");
    }

    /// <summary>Plays at double speed, forces a switch to another level of the same codec, plays to the end; the codecs of the levels played.</summary>
    private static async Task<string[]> PlayWithASwitchAsync(IPage page, CancellationToken cancellationToken)
    {
        await page.WaitForFunctionAsync("window.playerState.levels.length > 0", null, new() { Timeout = 30_000 });
        await page.EvaluateAsync("(() => { const v = document.getElementById('video'); v.playbackRate = 2; return v.play(); })()");
        await page.WaitForFunctionAsync("document.getElementById('video').currentTime > 0.3 && window.playerState.currentLevel >= 0", null, new() { Timeout = 30_000 });
        var target = await page.EvaluateAsync<int>(
            "(() => { const levels = window.hls.levels, now = window.playerState.currentLevel, family = levels[now].videoCodec.slice(0, 4);"
            + " const t = levels.findIndex((l, i) => i !== now && l.videoCodec.startsWith(family)); window.hls.currentLevel = t; return t; })()");
        Assert.That(target, Is.GreaterThanOrEqualTo(0), "another level of the codec playing");
        await page.WaitForFunctionAsync($"window.playerState.currentLevel === {target}", null, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("window.playerState.ended", null, new() { Timeout = 60_000 });
        cancellationToken.ThrowIfCancellationRequested();

        Assert.That(await page.EvaluateAsync<string[]>("window.playerState.errors"), Is.Empty, "hls.js or <video> errors");
        var end = await page.EvaluateAsync<double[]>(
            "(() => { const v = document.getElementById('video'); return [v.currentTime, v.duration, v.getVideoPlaybackQuality().totalVideoFrames]; })()");
        Assert.That(end[0], Is.EqualTo(end[1]).Within(0.25), "played to the end");
        Assert.That(end[1], Is.EqualTo(4).Within(0.2), "the sample's 4 s");
        Assert.That(end[2], Is.GreaterThan(0), "frames decoded");
        return await page.EvaluateAsync<string[]>("window.playerState.levelSwitches.map(i => window.hls.levels[i].videoCodec)");
    }
}
