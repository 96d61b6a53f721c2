using System.Collections.Concurrent;

namespace Transcoder.Client.Tests.Support;

/// <summary>An HTTP "server" in-process: each request gets the answer the test scripts for it, after its body is read.</summary>
public sealed class ScriptedHandler(Func<HttpRequestMessage, byte[], int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _calls;

    /// <summary>What each request carried: method, URL, Content-Length and body.</summary>
    public ConcurrentQueue<(HttpMethod Method, Uri Url, long? ContentLength, byte[] Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!, request.Content?.Headers.ContentLength, body));
        var response = answer(request, body, Interlocked.Increment(ref _calls));
        response.RequestMessage = request;
        return response;
    }
}
