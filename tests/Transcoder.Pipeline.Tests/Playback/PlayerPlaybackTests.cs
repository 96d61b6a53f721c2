using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
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
        var output = Path.Combine(_scratch, "sample");
        var (folder, manifest) = await TranscodeAsync(Path.Combine(RepoPaths.Samples, "sample-1080p.mp4"), output, cancellationToken);
        await using var server = StaticFileServer.Start(PlayerSite.Folders(output));
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

    [Test]
    [CancelAfter(180_000)]
    public async Task Player_TwoAudioLanguagesAndTwoSubtitleTracks_AllOfferedEachSwitchPlaysOnACueShowsAtItsTime(CancellationToken cancellationToken)
    {
        // Arrange: 4 s with English and French audio and a French and an English SubRip track, transcoded by the real job.
        var source = await TinyClip.MakeWithSubtitlesAsync(Path.Combine(_scratch, "in"), "subtitled.mkv", "320x180", 4,
        [
            ("fre", "1\n00:00:01,000 --> 00:00:02,500\nPremier\n\n2\n00:00:02,500 --> 00:00:04,000\nDeuxième\n"),
            ("eng", "1\n00:00:01,000 --> 00:00:02,500\nFirst\n\n2\n00:00:02,500 --> 00:00:04,000\nSecond\n"),
        ], cancellationToken);
        var output = Path.Combine(_scratch, "out");
        var (folder, manifest) = await TranscodeAsync(source, output, cancellationToken);
        await using var server = StaticFileServer.Start(PlayerSite.Folders(output));
        var page = await _chromium.OpenAsync(new Uri(server.BaseUrl, PlayerSite.PlayerPath(folder, manifest.Hls!)));

        // Assert: hls.js offers both tracks, by their names and languages.
        await page.WaitForFunctionAsync("window.playerState.subtitleTracks.length > 0", null, new() { Timeout = 30_000 });
        var offered = await page.EvaluateAsync<string[]>("window.playerState.subtitleTracks.map(t => t.name + '/' + t.lang)");
        Assert.That(offered, Is.EqualTo(new[] { "French/fr", "English/en" }));
        await page.WaitForFunctionAsync("window.playerState.audioTracks.length > 0", null, new() { Timeout = 30_000 });
        var audio = await page.EvaluateAsync<string[]>("window.playerState.audioTracks.map(t => `${t.name}|${t.lang}|${t.default}`)");
        Assert.That(audio, Is.EqualTo(new[] { "English|en|true", "French|fr|false" }));

        // Act: French on, as a viewer picks it in the menu, then play.
        await page.SelectOptionAsync("#subtitles", "0");
        await page.WaitForFunctionAsync("window.playerState.subtitleTrack === 0", null, new() { Timeout = 30_000 });
        await page.EvaluateAsync("document.getElementById('video').play()");

        // Assert: the first French cue shows within its time (1 s to 2.5 s).
        var shownAt = await TimeWhenShownAsync(page, "Premier");
        Assert.That(shownAt, Is.InRange(0.95, 2.55), "Premier shows from 1 s to 2.5 s");
        Assert.That(await ShowingCueTimesAsync(page), Is.EqualTo(new[] { 1.0, 2.5 }).Within(0.1), "on the video's timeline as the file times it");

        // Act: the French audio, then the English subtitles, mid-play.
        await page.SelectOptionAsync("#audio", "1");
        await page.WaitForFunctionAsync("window.playerState.currentAudioTrack === 1", null, new() { Timeout = 30_000 });
        await page.SelectOptionAsync("#subtitles", "1");
        await page.WaitForFunctionAsync("window.playerState.subtitleTrack === 1", null, new() { Timeout = 30_000 });
        var switchedAt = await page.EvaluateAsync<double>("document.getElementById('video').currentTime");

        // Assert: it plays on, and the English cue shows at its time (2.5 s to 4 s), the French one no more.
        shownAt = await TimeWhenShownAsync(page, "Second");
        Assert.That(shownAt, Is.InRange(Math.Max(2.45, switchedAt), 4.05));
        Assert.That(await ShowingCueTimesAsync(page), Is.EqualTo(new[] { 2.5, 4.0 }).Within(0.1));
        Assert.That(await page.EvaluateAsync<string[]>("showingCues(document.getElementById('video'))"), Does.Not.Contain("Deuxième"));
        await page.WaitForFunctionAsync("window.playerState.ended", null, new() { Timeout = 60_000 });
        Assert.That(await page.EvaluateAsync<string[]>("window.playerState.errors"), Is.Empty, "hls.js or <video> errors");
        var french = await page.EvaluateAsync<int>("performance.getEntriesByType('resource').filter(e => e.name.includes('audio-fr-2')).length");
        Assert.That(french, Is.GreaterThan(0), "the French audio's playlist and media were fetched");
    }

    // Waits until the cue's text is on screen, and returns the playback time at that moment.
    private static async Task<double> TimeWhenShownAsync(IPage page, string text)
    {
        await page.WaitForFunctionAsync($"showingCues(document.getElementById('video')).includes('{text}')", null, new() { Timeout = 30_000, PollingInterval = 50 });
        return await page.EvaluateAsync<double>("document.getElementById('video').currentTime");
    }

    // The start and end hls.js gave the cue on screen, in the video's time.
    private static Task<double[]> ShowingCueTimesAsync(IPage page) => page.EvaluateAsync<double[]>(
        "(() => { for (const t of document.getElementById('video').textTracks) { if (t.mode === 'showing' && t.activeCues && t.activeCues.length) return [t.activeCues[0].startTime, t.activeCues[0].endTime]; } return []; })()");

    [TestCase("640x360", "two-languages.mkv")]
    [TestCase(null, "audiobook.m4a")]
    [CancelAfter(180_000)]
    public async Task Player_TwoAudioLanguages_OffersBothSwitchesAndPlaysOn(string? picture, string name, CancellationToken cancellationToken)
    {
        // Arrange: a generated source with English (default) and French audio (with a picture, or audio only),
        // transcoded by the real job.
        var clip = await TinyClip.MakeTwoLanguagesAsync(Path.Combine(_scratch, "sources"), name, picture, 4, cancellationToken);
        var output = Path.Combine(_scratch, "two-languages");
        var (folder, manifest) = await TranscodeAsync(clip, output, cancellationToken);
        Assert.That(manifest.AudioOnly, Is.EqualTo(picture is null));
        await using var server = StaticFileServer.Start(PlayerSite.Folders(output));
        var page = await _chromium.OpenAsync(new Uri(server.BaseUrl, PlayerSite.PlayerPath(folder, manifest.Hls!)));

        // Assert: hls.js offers both tracks from the master's AUDIO group, English selected, and the page's menu shows them.
        await page.WaitForFunctionAsync("window.playerState.audioTracks.length > 0", null, new() { Timeout = 30_000 });
        var tracks = await page.EvaluateAsync<string[]>("window.playerState.audioTracks.map(t => `${t.name}|${t.lang}|${t.default}`)");
        Assert.That(tracks, Is.EqualTo(new[] { "English|en|true", "French|fr|false" }));
        var menu = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#audio option')].map(o => o.textContent)");
        Assert.That(menu, Is.EqualTo(new[] { "English (en)", "French (fr)" }));
        Assert.That(await page.IsVisibleAsync("#audio"), Is.True);

        // Act: play, switch to French mid-way through the menu, play on to the end.
        await page.EvaluateAsync("(() => { const v = document.getElementById('video'); v.playbackRate = 2; return v.play(); })()");
        await page.WaitForFunctionAsync("document.getElementById('video').currentTime > 0.5", null, new() { Timeout = 30_000 });
        Assert.That(await page.EvaluateAsync<int>("window.hls.audioTrack"), Is.Zero, "English plays first");
        await page.SelectOptionAsync("#audio", "1");
        await page.WaitForFunctionAsync("window.playerState.currentAudioTrack === 1", null, new() { Timeout = 30_000 });
        var switchedAt = await page.EvaluateAsync<double>("document.getElementById('video').currentTime");
        await page.WaitForFunctionAsync($"document.getElementById('video').currentTime > {switchedAt.ToString(System.Globalization.CultureInfo.InvariantCulture)} + 0.5", null, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("window.playerState.ended", null, new() { Timeout = 60_000 });

        // Assert: French was loaded and played on without an error, to the end.
        var errors = await page.EvaluateAsync<string[]>("window.playerState.errors");
        Assert.That(errors, Is.Empty, "hls.js or <video> errors");
        var french = await page.EvaluateAsync<int>("performance.getEntriesByType('resource').filter(e => e.name.includes('audio-fr-2')).length");
        Assert.That(french, Is.GreaterThan(0), "the French track's playlist and media were fetched");
        var played = await page.EvaluateAsync<double[]>("(() => { const v = document.getElementById('video'); return [v.currentTime, v.duration]; })()");
        Assert.That(played[0], Is.EqualTo(played[1]).Within(0.25), "played to the end");
    }

    // The job as a process, as the README runs it: the source's folder under output, and its manifest.
    private static async Task<(string Folder, JobManifest Manifest)> TranscodeAsync(string input, string output, CancellationToken cancellationToken)
    {
        await using (var job = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "TranscodeJob.dll"), ["--input", input, "--output", output], new Dictionary<string, string>()))
        {
            Assert.That(await job.WaitForExitAsync(cancellationToken), Is.Zero, job.Stderr);
        }

        var folder = Directory.GetDirectories(output).Single();
        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, JobManifest.FileName), cancellationToken), ManifestJsonContext.Default.JobManifest)!;
        return (Path.GetFileName(folder), manifest);
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
