using Microsoft.Playwright;

namespace Transcoder.Pipeline.Tests.Playback;

/// <summary>Debian's chromium (it decodes H.264, AAC and AV1 in MSE), headless, through Playwright: one browser per test.</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private const string ChromiumPathVariable = "CHROMIUM_PATH";
    private const string DebianChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A new page at <paramref name="url"/>; <paramref name="initScript"/> runs in it before the page's own scripts.</summary>
    public async Task<IPage> OpenAsync(Uri url, string? initScript = null)
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DebianChromium;
        Assert.That(File.Exists(chromium), Is.True, $"no browser at {chromium}: apt-get install chromium (or set {ChromiumPathVariable})");
        _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
        var page = await _browser.NewPageAsync();
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync(url.ToString());
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
