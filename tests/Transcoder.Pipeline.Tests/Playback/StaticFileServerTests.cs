using System.Net;
using System.Net.Http.Headers;
using Transcoder.LocalPipeline.Playback;

namespace Transcoder.Pipeline.Tests.Playback;

/// <summary>The player's file server: byte ranges as hls.js asks for them, Content-Types, and no way out of its folders.</summary>
public sealed class StaticFileServerTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("static-files-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private async Task<StaticFileServer> StartAsync()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "720p.cmfv"), [.. Enumerable.Range(0, 100).Select(i => (byte)i)]);
        await File.WriteAllTextAsync(Path.Combine(_folder, "master.m3u8"), "#EXTM3U\n");
        return StaticFileServer.Start(new Dictionary<string, string> { ["media"] = _folder });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_Range_PartialContentWithThoseBytes(CancellationToken cancellationToken)
    {
        // Arrange
        await using var server = await StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "media/720p.cmfv"));
        request.Headers.Range = new RangeHeaderValue(10, 19);

        // Act
        using var response = await http.SendAsync(request, cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 10-19/100"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(cancellationToken), Is.EqualTo(Enumerable.Range(10, 10).Select(i => (byte)i).ToArray()));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_RangeBeyondTheEnd_RangeNotSatisfiable(CancellationToken cancellationToken)
    {
        // Arrange
        await using var server = await StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "media/720p.cmfv"));
        request.Headers.Range = new RangeHeaderValue(100, 200);

        // Act
        using var response = await http.SendAsync(request, cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_Playlist_WholeFileWithTheHlsContentType(CancellationToken cancellationToken)
    {
        // Arrange
        await using var server = await StartAsync();
        using var http = new HttpClient();

        // Act
        using var response = await http.GetAsync(new Uri(server.BaseUrl, "media/master.m3u8"), cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.apple.mpegurl"));
        Assert.That(response.Headers.AcceptRanges, Has.Member("bytes"));
    }

    [TestCase("media/../../etc/passwd")]
    [TestCase("media/%2E%2E/%2E%2E/etc/passwd")]
    [TestCase("media/..%2F..%2Fetc%2Fpasswd")]
    [TestCase("elsewhere/master.m3u8")]
    [TestCase("media/missing.m3u8")]
    [CancelAfter(10_000)]
    public async Task Get_OutsideItsFoldersOrMissing_NotFound(string path, CancellationToken cancellationToken)
    {
        // Arrange
        await using var server = await StartAsync();
        using var http = new HttpClient();

        // Act: raw path, as a hostile client sends it (HttpClient would normalise "..").
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + path);
        request.RequestUri = new Uri(server.BaseUrl + path, UriKind.Absolute);
        using var response = await http.SendAsync(request, cancellationToken);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("bytes=0-9", 100, true, 0, 9)]
    [TestCase("bytes=90-", 100, true, 90, 99)]
    [TestCase("bytes=-10", 100, true, 90, 99)]
    [TestCase("bytes=50-1000", 100, true, 50, 99)]
    [TestCase("bytes=100-", 100, false, 0, 0)]
    [TestCase("bytes=9-1", 100, false, 0, 0)]
    [TestCase("bytes=0-1,5-6", 100, false, 0, 0)]
    [TestCase("items=0-1", 100, false, 0, 0)]
    [TestCase("bytes=-0", 100, false, 0, 0)]
    public void TryParse_RangeHeader(string header, long length, bool ok, long start, long end)
    {
        // Act
        var parsed = ByteRange.TryParse(header, length, out var first, out var last);

        // Assert
        Assert.That(parsed, Is.EqualTo(ok));
        if (ok)
        {
            Assert.That((first, last), Is.EqualTo((start, end)));
        }
    }
}
