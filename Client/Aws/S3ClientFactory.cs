using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Transcoder.Client.Settings;

namespace Transcoder.Client.Aws;

/// <summary>The S3 client of the settings: AWS in a region, or an endpoint of its own (path-style, as emulators serve).</summary>
internal static class S3ClientFactory
{
    /// <param name="credentials">Null for the SDK's default chain (environment, profile, instance role).</param>
    public static IAmazonS3 Create(ClientSettings settings, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config();
        if (settings.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region ?? ClientSettingsReader.LocalRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
