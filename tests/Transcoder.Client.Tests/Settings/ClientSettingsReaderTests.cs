using System.CommandLine;
using Amazon;
using Amazon.S3;
using Transcoder.Client.Aws;
using Transcoder.Client.Cli;
using Transcoder.Client.Settings;
using Transcoder.Shared.Settings;

namespace Transcoder.Client.Tests.Settings;

/// <summary>Options first, the environment second, every problem at once.</summary>
public sealed class ClientSettingsReaderTests
{
    private static (ClientSettings Settings, IReadOnlyList<string> Problems) Read(string[] args, Dictionary<string, string> environment, bool needsOutputs = true)
    {
        var options = new SettingsOptions();
        var root = new RootCommand();
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        var reader = new SettingReader(options.Lookup(root.Parse(args), environment));
        return (ClientSettingsReader.Read(reader, needsOutputs), reader.Errors);
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["UPLOAD_BUCKET"] = "env-temp",
        ["BUCKET_NAME_PROD"] = "env-prod",
        ["OUTPUT_PREFIX"] = "/videos",
        ["AWS_REGION"] = "eu-west-1",
    };

    [Test]
    public void Read_EnvironmentOnly_Fallbacks()
    {
        // Act
        var (settings, problems) = Read([], Environment());

        // Assert
        Assert.That(problems, Is.Empty);
        Assert.That((settings.UploadBucket, settings.UploadPrefix, settings.RequiredOutputs.Bucket, settings.RequiredOutputs.Prefix, settings.Region, settings.Endpoint),
            Is.EqualTo(("env-temp", "", "env-prod", "videos/", "eu-west-1", (Uri?)null)));
    }

    [Test]
    public void Read_Options_WinOverTheEnvironment()
    {
        // Act
        var (settings, problems) = Read(
            ["--upload-bucket", "opt-temp", "--upload-prefix", "in", "--prod-bucket", "opt-prod", "--output-prefix", "out/", "--region", "us-west-2"],
            Environment());

        // Assert
        Assert.That(problems, Is.Empty);
        Assert.That((settings.UploadBucket, settings.UploadPrefix, settings.RequiredOutputs.Bucket, settings.RequiredOutputs.Prefix, settings.Region),
            Is.EqualTo(("opt-temp", "in/", "opt-prod", "out/", "us-west-2")));
    }

    [Test]
    public void Read_Endpoints_OptionThenS3VariableThenGeneral()
    {
        // Arrange
        var environment = new Dictionary<string, string>(Environment())
        {
            ["AWS_ENDPOINT_URL"] = "http://general:1",
            ["AWS_ENDPOINT_URL_S3"] = "http://s3-only:2",
        };

        // Act
        var fromVariable = Read([], environment).Settings.Endpoint;
        var fromOption = Read(["--endpoint", "http://option:3"], environment).Settings.Endpoint;
        environment.Remove("AWS_ENDPOINT_URL_S3");
        var general = Read([], environment).Settings.Endpoint;

        // Assert
        Assert.That((fromOption, fromVariable, general), Is.EqualTo((new Uri("http://option:3"), new Uri("http://s3-only:2"), new Uri("http://general:1"))));
    }

    [Test]
    public void Read_EndpointWithoutRegion_SignsForUsEast1()
    {
        // Arrange
        var environment = new Dictionary<string, string> { ["UPLOAD_BUCKET"] = "temp-b", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" };

        // Act
        var (settings, problems) = Read([], environment, needsOutputs: false);

        // Assert
        Assert.That(problems, Is.Empty);
        Assert.That(settings.Region, Is.EqualTo("us-east-1"));
    }

    [Test]
    public void Read_OlderRegionVariable_Read()
    {
        // Act
        var (settings, _) = Read([], new() { ["UPLOAD_BUCKET"] = "temp-b", ["AWS_DEFAULT_REGION"] = "ap-southeast-2" }, needsOutputs: false);

        // Assert
        Assert.That(settings.Region, Is.EqualTo("ap-southeast-2"));
    }

    [Test]
    public void Read_ProdBucketOnlyWhenNeeded()
    {
        // Act
        var (_, problems) = Read([], new() { ["UPLOAD_BUCKET"] = "temp-b", ["AWS_REGION"] = "eu-west-1" }, needsOutputs: false);

        // Assert
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Read_EverythingWrong_EveryProblemAtOnce()
    {
        // Act
        var (_, problems) = Read(
            ["--upload-bucket", "s3://temp", "--prod-bucket", "Prod_Bucket", "--endpoint", "localhost:4566", "--region", "Europe"],
            []);

        // Assert
        Assert.That(problems, Is.EqualTo(new[]
        {
            "UPLOAD_BUCKET 's3://temp' is not a bucket name (3-63 lower-case letters, digits, '.' or '-'; no s3:// and no prefix)",
            "BUCKET_NAME_PROD 'Prod_Bucket' is not a bucket name (3-63 lower-case letters, digits, '.' or '-'; no s3:// and no prefix)",
            "endpoint 'localhost:4566' must be an http:// or https:// URL (--endpoint, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL)",
            "region 'Europe' is not a region name like eu-west-1 (--region or AWS_REGION)",
        }));
    }

    [Test]
    public void S3ClientFactory_Endpoint_PathStyleAndTheSigningRegion()
    {
        // Arrange
        var settings = new ClientSettings("temp-b", "", null, "eu-central-1", new Uri("http://127.0.0.1:4566"), []);

        // Act
        using var s3 = S3ClientFactory.Create(settings, new Amazon.Runtime.AnonymousAWSCredentials());

        // Assert
        var config = (AmazonS3Config)s3.Config;
        Assert.That((config.ServiceURL, config.ForcePathStyle, config.AuthenticationRegion), Is.EqualTo(("http://127.0.0.1:4566/", true, "eu-central-1")));
    }

    [Test]
    public void S3ClientFactory_Region_AwsEndpointOfTheRegion()
    {
        // Arrange
        var settings = new ClientSettings("temp-b", "", null, "eu-west-3", null, []);

        // Act
        using var s3 = S3ClientFactory.Create(settings, new Amazon.Runtime.AnonymousAWSCredentials());

        // Assert
        Assert.That((s3.Config.RegionEndpoint, s3.Config.ServiceURL), Is.EqualTo((RegionEndpoint.EUWest3, (string?)null)));
    }
}
