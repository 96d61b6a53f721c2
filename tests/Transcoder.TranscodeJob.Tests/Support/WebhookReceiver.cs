using System.Collections.Concurrent;
using System.Net;
using Transcoder.LocalAws;

namespace Transcoder.TranscodeJob.Tests.Support;

/// <summary>An application's webhook endpoint on loopback: records each POST and answers with the next scripted status.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<int> _statuses;
    private readonly int _otherwise;

    /// <param name="statuses">The answers to the first requests, in order; <paramref name="otherwise"/> after them.</param>
    public WebhookReceiver(IEnumerable<int>? statuses = null, int otherwise = 200)
    {
        _statuses = new ConcurrentQueue<int>(statuses ?? []);
        _otherwise = otherwise;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public Uri Url => new(_server.BaseUrl, "hooks/transcoder");

    public ConcurrentQueue<(string? Signature, string? EventType, string ContentType, string Body)> Received { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        Received.Enqueue((context.Request.Headers["Transcoder-Signature"], context.Request.Headers["Transcoder-Event"], context.Request.ContentType ?? "", body));
        context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : _otherwise;
        context.Response.Close();
    }
}
