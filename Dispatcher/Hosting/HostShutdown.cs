using Microsoft.Extensions.Hosting;

namespace Transcoder.Dispatcher.Hosting;

internal static class HostShutdown
{
    /// <summary>Stops the host as SIGTERM would (the poller drains, the local launcher stops its jobs), then disposes it.</summary>
    public static async ValueTask StopAndDisposeAsync(this IHost host)
    {
        await host.StopAsync(CancellationToken.None);
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
