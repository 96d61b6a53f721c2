using Transcoder.Shared.Aws;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// Where ECS is: the SDKs' standard endpoint variables first (<c>AWS_ENDPOINT_URL_ECS</c>, then
/// <c>AWS_ENDPOINT_URL</c>, read by <see cref="AwsConnection"/>), so the same binary talks to a fake or an emulator;
/// else the regional endpoint.
/// </summary>
internal static class EcsEndpoint
{
    public static Uri Resolve(Func<string, string?> setting, string region)
    {
        if (AwsConnection.FromSettings(setting, AwsEnvironment.EcsEndpoint).Endpoint is { } endpoint)
        {
            // A base for relative requests: without the slash a path prefix would be dropped.
            return endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        }

        // https://docs.aws.amazon.com/general/latest/gr/ecs-service.html: China regions live under amazonaws.com.cn.
        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://ecs.{region}.{domain}/");
    }
}
