using Microsoft.Playwright;

namespace Transcoder.Pipeline.Tests.Playback;

/// <summary>Headless Debian chromium driven by Playwright through its executable path (no browser download is possible).</summary>
internal sealed class PlayerBrowser : IAsyncDisposable
{
    private const string ChromiumPathVariable = "CHROMIUM_PATH";
    private const string DebianChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Opens <paramref name="url"/>; fails (never skips) when there is no browser.</summary>
    public async Task<IPage> OpenAsync(Uri url)
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DebianChromium;
        Assert.That(File.Exists(chromium), Is.True, $"no browser at {chromium}: apt-get install chromium (or set {ChromiumPathVariable})");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(url.ToString());
        var decodes = await page.EvaluateAsync<bool>(
            "MediaSource.isTypeSupported('video/mp4; codecs=\"avc1.640028\"') && MediaSource.isTypeSupported('audio/mp4; codecs=\"mp4a.40.2\"')");
        Assert.That(decodes, Is.True, "this chromium cannot decode H.264/AAC (MSE): install Debian's chromium with its codecs");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
