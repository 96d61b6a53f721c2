using Amazon.Runtime;
using Amazon.S3;
using Transcoder.Client.Settings;
using Transcoder.Shared.Aws;

namespace Transcoder.Client.Aws;

/// <summary>The S3 client of the settings: AWS in a region, or an endpoint of its own (path-style, as emulators serve).</summary>
internal static class S3ClientFactory
{
    /// <param name="credentials">Null for the settings' own (a key pair in the environment), else the SDK's default chain.</param>
    public static IAmazonS3 Create(ClientSettings settings, AWSCredentials? credentials = null)
    {
        var connection = new AwsConnection(settings.Region, settings.Endpoint, credentials ?? settings.Credentials);
        var config = connection.Configure(new AmazonS3Config { ForcePathStyle = connection.HasEndpoint });
        return connection.Credentials is { } signer ? new AmazonS3Client(signer, config) : new AmazonS3Client(config);
    }
}
