namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// Where ECS is: the SDKs' standard endpoint variables first (<c>AWS_ENDPOINT_URL_ECS</c>, then
/// <c>AWS_ENDPOINT_URL</c>), so the same binary talks to a fake or an emulator; else the regional endpoint.
/// </summary>
internal static class EcsEndpoint
{
    public static Uri Resolve(Func<string, string?> setting, string region)
    {
        foreach (var name in new[] { "AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL" })
        {
            if (setting(name) is { Length: > 0 } value)
            {
                return new Uri(value.EndsWith('/') ? value : value + "/");
            }
        }

        // https://docs.aws.amazon.com/general/latest/gr/ecs-service.html: China regions live under amazonaws.com.cn.
        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://ecs.{region}.{domain}/");
    }
}
