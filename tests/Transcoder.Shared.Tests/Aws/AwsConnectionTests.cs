using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Transcoder.Shared.Aws;

namespace Transcoder.Shared.Tests.Aws;

public sealed class AwsConnectionTests
{
    private static Func<string, string?> Settings(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value).GetValueOrDefault;

    [Test]
    public void FromSettings_ServiceEndpointAndGeneralOne_TheServiceOwnWins()
    {
        // Arrange
        var settings = Settings((AwsEnvironment.Endpoint, "http://127.0.0.1:4566"), (AwsEnvironment.S3Endpoint, "http://127.0.0.1:9000"));

        // Act
        var s3 = AwsConnection.FromSettings(settings, AwsEnvironment.S3Endpoint);
        var sqs = AwsConnection.FromSettings(settings, AwsEnvironment.SqsEndpoint);

        // Assert
        Assert.That((s3.Endpoint, sqs.Endpoint), Is.EqualTo((new Uri("http://127.0.0.1:9000"), new Uri("http://127.0.0.1:4566"))));
        Assert.That(s3.HasEndpoint, Is.True);
    }

    [Test]
    public void FromSettings_RegionAndKeys_RegionThenTheOlderNameAndStaticCredentials()
    {
        // Arrange
        var settings = Settings(
            (AwsEnvironment.DefaultRegion, "eu-west-3"), (AwsEnvironment.AccessKeyId, "AKID"), (AwsEnvironment.SecretAccessKey, "secret"),
            (AwsEnvironment.SessionToken, "token"));

        // Act
        var connection = AwsConnection.FromSettings(settings, AwsEnvironment.SqsEndpoint);

        // Assert
        Assert.That(connection.Region, Is.EqualTo("eu-west-3"));
        Assert.That(connection.Credentials, Is.InstanceOf<SessionAWSCredentials>());
        Assert.That(connection.Credentials!.GetCredentials().AccessKey, Is.EqualTo("AKID"));
        Assert.That(AwsConnection.FromSettings(Settings((AwsEnvironment.Region, "eu-west-1")), AwsEnvironment.SqsEndpoint).Credentials, Is.Null, "the SDK's chain");
    }

    [Test]
    public void Configure_Endpoint_ServiceUrlSignedWithTheLocalRegion()
    {
        // Arrange
        var connection = AwsConnection.FromSettings(Settings((AwsEnvironment.Endpoint, "http://127.0.0.1:4566")), AwsEnvironment.S3Endpoint);

        // Act
        var config = connection.Configure(new AmazonS3Config());

        // Assert
        Assert.That((config.ServiceURL, config.AuthenticationRegion), Is.EqualTo(("http://127.0.0.1:4566/", AwsConnection.LocalRegion)));
    }

    [Test]
    public void Configure_RegionOnly_TheRegionsAwsEndpoint()
    {
        // Arrange
        var connection = AwsConnection.FromSettings(Settings((AwsEnvironment.Region, "eu-central-1")), AwsEnvironment.SqsEndpoint);

        // Act
        var config = connection.Configure(new AmazonSQSConfig());

        // Assert
        Assert.That((config.RegionEndpoint, config.ServiceURL), Is.EqualTo((Amazon.RegionEndpoint.EUCentral1, (string?)null)));
    }

    [Test]
    public void FromSettings_EndpointNotAUrl_TheSdksClientErrorNamingTheVariable()
    {
        // Arrange
        var settings = Settings((AwsEnvironment.SqsEndpoint, "localhost 4566"));

        // Act
        var failure = Assert.Throws<AmazonClientException>(() => AwsConnection.FromSettings(settings, AwsEnvironment.SqsEndpoint));

        // Assert
        Assert.That(failure!.Message, Does.StartWith("AWS_ENDPOINT_URL_SQS must be a URL"));
    }
}
