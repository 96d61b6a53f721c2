using Amazon.S3;
using Amazon.SQS;
using Transcoder.Shared.Aws;

namespace Transcoder.TranscodeJob.Hosting;

/// <summary>The job's AWS clients, set up by <see cref="AwsConnection"/> from its environment (the SDK's standard variables).</summary>
internal static class AwsClients
{
    public static IAmazonS3 CreateS3(IReadOnlyDictionary<string, string> environment)
    {
        var connection = AwsConnection.FromSettings(environment.GetValueOrDefault, AwsEnvironment.S3Endpoint);
        var config = connection.Configure(new AmazonS3Config { ForcePathStyle = connection.HasEndpoint });
        return connection.Credentials is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    public static IAmazonSQS CreateSqs(IReadOnlyDictionary<string, string> environment)
    {
        var connection = AwsConnection.FromSettings(environment.GetValueOrDefault, AwsEnvironment.SqsEndpoint);
        var config = connection.Configure(new AmazonSQSConfig());
        return connection.Credentials is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config);
    }
}
