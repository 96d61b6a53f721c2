using System.Collections.Concurrent;
using System.Net;
using Transcoder.LocalAws;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>An application's webhook endpoint on loopback: records each POST and answers with the next scripted status.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly ConcurrentQueue<int> _statuses;
    private readonly int _otherwise;

    /// <param name="statuses">The answers to the first requests, in order; <paramref name="otherwise"/> after them.</param>
    public WebhookReceiver(IEnumerable<int>? statuses = null, int otherwise = 200)
    {
        _statuses = new ConcurrentQueue<int>(statuses ?? []);
        _otherwise = otherwise;
        var port = FreePort.Find();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/transcoder");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string? Signature, string? EventType, string ContentType, string Body)> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.Headers["Transcoder-Signature"], context.Request.Headers["Transcoder-Event"], context.Request.ContentType ?? "", body));
            context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : _otherwise;
            context.Response.Close();
        }
    }
}
