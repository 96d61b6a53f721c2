using System.Net;

namespace Transcoder.LocalAws;

/// <summary>
/// An <see cref="HttpListener"/> on a free loopback port that hands each request to <c>answer</c> on its own task:
/// the one accept loop of the local stand-ins (the fake ECS endpoint, the player's file server, a test's webhook
/// receiver). Disposing stops it and waits for the loop to end.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _answer;
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> answer)
    {
        _answer = answer;
        Port = FreePort.Find();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => _answer(context));
        }
    }
}
