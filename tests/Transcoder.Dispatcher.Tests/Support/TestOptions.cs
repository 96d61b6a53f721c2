using Microsoft.Extensions.Configuration;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Tests.Support;

/// <summary>Valid dispatcher settings for tests, with a way to change some.</summary>
internal static class TestOptions
{
    public static Dictionary<string, string?> EcsSettings(string queueUrl = "http://127.0.0.1:1/000000000000/uploads") => new()
    {
        [SettingNames.QueueUrl] = queueUrl,
        [SettingNames.OutputBucket] = "prod",
        [SettingNames.OutputPrefix] = "renditions/",
        [SettingNames.Cluster] = "transcoder",
        [SettingNames.TaskDefinition] = "transcode-job:7",
        [SettingNames.ContainerName] = "transcode-job",
        [SettingNames.Subnets] = "subnet-1, subnet-2",
        [SettingNames.SecurityGroups] = "sg-1",
        [SettingNames.Region] = "us-east-1",
    };

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public static DispatcherOptions Read(IDictionary<string, string?> settings)
    {
        var (options, errors) = DispatcherOptions.Read(Configuration(settings));
        Assert.That(errors, Is.Empty, "test settings must be valid");
        return options;
    }
}
