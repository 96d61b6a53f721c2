using System.Net;
using System.Text.Json;
using Transcoder.LocalPipeline.Playback;
using Transcoder.LocalAws;
using Transcoder.Shared.Outputs;

namespace Transcoder.Pipeline.Tests.Playback;

/// <summary>
/// The bundled sample, transcoded by the real job, played to the end by hls.js in a real headless Chromium through the
/// repository's player page and the local file server.
/// </summary>
[Category("Integration")]
public sealed class PlayerPlaybackTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task Player_SampleOutput_PlaysEveryLevelToTheEndWithoutErrors(CancellationToken cancellationToken)
    {
        // Arrange: the README's first command, into a temporary folder.
        await using (var job = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"),
            ["--input", Path.Combine(RepoPaths.Samples, "sample-1080p.mp4"), "--output", _scratch],
            new Dictionary<string, string>()))
        {
            Assert.That(await job.WaitForExitAsync(cancellationToken), Is.Zero, job.Stderr);
        }

        var folder = Path.GetFileName(Directory.GetDirectories(_scratch).Single());
        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(_scratch, folder, JobManifest.FileName), cancellationToken), ManifestJsonContext.Default.JobManifest)!;
        await using var server = StaticFileServer.Start(PlayerSite.Folders(_scratch));
        var page = await _chromium.OpenAsync(new Uri(server.BaseUrl, PlayerSite.PlayerPath(folder, manifest.Hls!)));

        // Assert: the browser can decode what the job writes, else nothing below means anything.
        var decodes = await page.EvaluateAsync<bool>(
            "MediaSource.isTypeSupported('video/mp4; codecs=\"avc1.640028\"') && MediaSource.isTypeSupported('audio/mp4; codecs=\"mp4a.40.2\"')");
        Assert.That(decodes, Is.True, "this chromium cannot decode H.264/AAC (MSE): install Debian's chromium with its codecs");

        await page.WaitForFunctionAsync("window.playerState.levels.length > 0", null, new() { Timeout = 30_000 });
        var levels = await page.EvaluateAsync<int>("window.playerState.levels.length");
        Assert.That(levels, Is.GreaterThanOrEqualTo(2), "levels offered");

        // Act: play fast, then force a switch to another level mid-way, then play to the end.
        await page.EvaluateAsync("(() => { const v = document.getElementById('video'); v.playbackRate = 2; return v.play(); })()");
        await page.WaitForFunctionAsync("document.getElementById('video').currentTime > 0.3", null, new() { Timeout = 30_000 });
        var target = await page.EvaluateAsync<int>("(() => { const t = window.playerState.currentLevel === 0 ? window.hls.levels.length - 1 : 0; window.hls.currentLevel = t; return t; })()");
        await page.WaitForFunctionAsync($"window.playerState.currentLevel === {target}", null, new() { Timeout = 30_000 });
        var switchedAt = await page.EvaluateAsync<double>("document.getElementById('video').currentTime");
        await page.WaitForFunctionAsync($"document.getElementById('video').currentTime > {switchedAt.ToString(System.Globalization.CultureInfo.InvariantCulture)} + 0.2", null, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("window.playerState.ended", null, new() { Timeout = 60_000 });

        // Assert
        var errors = await page.EvaluateAsync<string[]>("window.playerState.errors");
        Assert.That(errors, Is.Empty, "hls.js or <video> errors");
        var played = await page.EvaluateAsync<double[]>("(() => { const v = document.getElementById('video'); return [v.currentTime, v.duration]; })()");
        Assert.That(played[0], Is.EqualTo(played[1]).Within(0.25), "played to the end");
        Assert.That(played[1], Is.EqualTo(4).Within(0.2), "the sample's 4 s");

        // Storyboard previews: cues loaded, and their sprite sheet is served as an image.
        var sheet = await page.EvaluateAsync<string>("window.playerState.storyboard.length > 0 ? window.playerState.storyboard[0].url : ''");
        Assert.That(sheet, Does.Contain("storyboard-000.jpg"));
        using var http = new HttpClient();
        using var image = await http.GetAsync(new Uri(sheet), cancellationToken);
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
    }

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "transcoder-playback-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HeadlessChromium _chromium = new();

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        await _chromium.DisposeAsync();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
