using Amazon;
using Amazon.S3;
using Amazon.SQS;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>
/// AWS clients from the SDK's standard configuration: credentials from the default chain (environment, profile,
/// ECS task role), region from AWS_REGION or the profile, endpoints from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 /
/// AWS_ENDPOINT_URL_SQS, so the same binary talks to AWS or to a local emulator.
/// </summary>
internal static class AwsClients
{
    public static IAmazonS3 CreateS3(IReadOnlyDictionary<string, string> environment)
    {
        var config = new AmazonS3Config
        {
            // Emulators and S3-compatible stores on a custom endpoint serve buckets as paths, not host names.
            ForcePathStyle = HasEndpointOverride(environment, "AWS_ENDPOINT_URL_S3"),
        };
        ApplyRegionFallback(config, environment);
        return new AmazonS3Client(config);
    }

    public static IAmazonSQS CreateSqs(IReadOnlyDictionary<string, string> environment)
    {
        var config = new AmazonSQSConfig();
        ApplyRegionFallback(config, environment);
        return new AmazonSQSClient(config);
    }

    private static bool HasEndpointOverride(IReadOnlyDictionary<string, string> environment, string serviceVariable) =>
        !string.IsNullOrEmpty(environment.GetValueOrDefault(serviceVariable))
        || !string.IsNullOrEmpty(environment.GetValueOrDefault("AWS_ENDPOINT_URL"));

    // Against a local endpoint the region is a formality; defaulting it saves a newcomer one variable.
    private static void ApplyRegionFallback(Amazon.Runtime.ClientConfig config, IReadOnlyDictionary<string, string> environment)
    {
        var hasRegion = !string.IsNullOrEmpty(environment.GetValueOrDefault("AWS_REGION"))
                        || !string.IsNullOrEmpty(environment.GetValueOrDefault("AWS_DEFAULT_REGION"));
        if (!hasRegion && environment.Keys.Any(k => k.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal)))
        {
            config.RegionEndpoint = RegionEndpoint.USEast1;
        }
    }
}
