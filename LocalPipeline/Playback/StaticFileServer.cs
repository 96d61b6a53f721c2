using System.Globalization;
using System.Net;
using Transcoder.LocalAws;
using Transcoder.Shared.Outputs;

namespace Transcoder.LocalPipeline.Playback;

/// <summary>
/// A small HTTP server on loopback for the player page and a job's outputs: GET and HEAD, byte ranges (hls.js reads
/// every segment as a range of its CMAF file), the outputs' Content-Types. Each URL prefix maps to one folder, and
/// no path leaves its folder.
/// </summary>
internal sealed class StaticFileServer : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _folders;
    private readonly LoopbackHttpServer _server;

    private StaticFileServer(IReadOnlyDictionary<string, string> folders)
    {
        _folders = folders.ToDictionary(f => "/" + f.Key.Trim('/') + "/", f => Path.GetFullPath(f.Value), StringComparer.Ordinal);
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public Uri BaseUrl => _server.BaseUrl;

    /// <param name="folders">URL prefix (e.g. <c>media</c>) → folder served under it.</param>
    public static StaticFileServer Start(IReadOnlyDictionary<string, string> folders) => new(folders);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Resolve(context.Request.Url?.AbsolutePath ?? "/");
            if (context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
            }
            else if (path is null || !File.Exists(path))
            {
                response.StatusCode = 404;
            }
            else
            {
                await SendFileAsync(context, path).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException)
        {
            // The player went away mid-response (a seek or a level switch aborts requests): nothing to do.
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task SendFileAsync(HttpListenerContext context, string path)
    {
        var response = context.Response;
        await using var file = File.OpenRead(path);
        var length = file.Length;
        response.ContentType = ContentTypes.For(path);
        response.Headers["Accept-Ranges"] = "bytes";
        // The player page may be opened from another origin (a CDN test, a file:// page).
        response.Headers["Access-Control-Allow-Origin"] = "*";

        long start = 0, end = length - 1;
        if (context.Request.Headers["Range"] is { } range)
        {
            if (!ByteRange.TryParse(range, length, out start, out end))
            {
                response.StatusCode = 416;
                response.Headers["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");
                return;
            }

            response.StatusCode = 206;
            response.Headers["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{length}");
        }

        response.ContentLength64 = end - start + 1;
        if (context.Request.HttpMethod == "HEAD")
        {
            return;
        }

        file.Position = start;
        var buffer = new byte[81920];
        var remaining = end - start + 1;
        while (remaining > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining))).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await response.OutputStream.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            remaining -= read;
        }
    }

    /// <summary>The file a URL path names, or null when no prefix matches or the path would leave its folder.</summary>
    private string? Resolve(string urlPath)
    {
        var decoded = Uri.UnescapeDataString(urlPath);
        foreach (var (prefix, folder) in _folders)
        {
            if (!decoded.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = decoded[prefix.Length..];
            var full = Path.GetFullPath(Path.Combine(folder, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative));
            return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
        }

        return null;
    }
}
