using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>An <see cref="HttpClient"/> whose requests to ECS are signed with SigV4 (service <c>ecs</c>).</summary>
internal static class EcsHttpClientFactory
{
    public static HttpClient Create(AWSCredentials credentials, string region, TimeSpan attemptTimeout)
    {
        var transport = new SocketsHttpHandler
        {
            // The signing handler's rule: a redirect followed below it would arrive unsigned or wrongly signed.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), "ecs", transport);
        return new HttpClient(signing) { Timeout = attemptTimeout };
    }
}
