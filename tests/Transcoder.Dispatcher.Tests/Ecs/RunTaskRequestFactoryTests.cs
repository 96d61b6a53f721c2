using System.Text.Json;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Tests.Support;

namespace Transcoder.Dispatcher.Tests.Ecs;

public sealed class RunTaskRequestFactoryTests
{
    private static readonly JobLaunch Launch = TestLaunches.For("clips/a b.mp4", renditions: "720p,360p");

    [Test]
    public void Create_FargateLaunch_JsonAsEcsExpectsIt()
    {
        // Arrange
        var options = TestOptions.Read(TestOptions.EcsSettings());

        // Act
        var json = JsonSerializer.Serialize(RunTaskRequestFactory.Create(Launch, options), EcsJsonContext.Default.RunTaskRequest);

        // Assert
        var jobId = Launch.JobId;
        var expected = $$$"""
            {"cluster":"transcoder","taskDefinition":"transcode-job:7","count":1,"launchType":"FARGATE",
            "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1","subnet-2"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}},
            "overrides":{"containerOverrides":[{"name":"transcode-job","environment":[
            {"name":"SOURCE_BUCKET","value":"temp"},{"name":"SOURCE_KEY","value":"clips/a b.mp4"},{"name":"SOURCE_REVISION","value":"etag:e"},
            {"name":"JOB_ID","value":"{{{jobId}}}"},{"name":"BUCKET_NAME_PROD","value":"prod"},{"name":"OUTPUT_PREFIX","value":"renditions/"},
            {"name":"RENDITIONS","value":"720p,360p"},{"name":"JOB_ATTEMPT","value":"1"},
            {"name":"SQS_QUEUE_URL","value":"http://127.0.0.1:1/000000000000/uploads"},{"name":"SQS_RECEIPT_HANDLE","value":"receipt-1"},
            {"name":"SQS_RECEIVED_AT","value":"2026-11-30T09:00:00.0000000Z"}]}]},
            "clientToken":"token-1","startedBy":"transcoder-dispatcher",
            "tags":[{"key":"transcoder:job-id","value":"{{{jobId}}}"},{"key":"transcoder:message-id","value":"m-1"}]}
            """.ReplaceLineEndings(string.Empty);
        Assert.That(json, Is.EqualTo(expected));
    }

    [Test]
    public void Create_CapacityProviderStrategy_NoLaunchType()
    {
        // Arrange
        var settings = TestOptions.EcsSettings();
        settings[SettingNames.CapacityProvider] = "FARGATE_SPOT:4,FARGATE:1:1";
        settings[SettingNames.AssignPublicIp] = "ENABLED";

        // Act
        var json = JsonSerializer.Serialize(RunTaskRequestFactory.Create(Launch, TestOptions.Read(settings)), EcsJsonContext.Default.RunTaskRequest);

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.That(root.TryGetProperty("launchType", out _), Is.False);
        Assert.That(root.GetProperty("capacityProviderStrategy").GetRawText(),
            Is.EqualTo("""[{"capacityProvider":"FARGATE_SPOT","weight":4,"base":0},{"capacityProvider":"FARGATE","weight":1,"base":1}]"""));
        Assert.That(root.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("assignPublicIp").GetString(), Is.EqualTo("ENABLED"));
    }

    [Test]
    public void Create_NoRenditions_NoRenditionsVariable()
    {
        // Arrange
        var launch = TestLaunches.For("clips/a b.mp4");

        // Act
        var request = RunTaskRequestFactory.Create(launch, TestOptions.Read(TestOptions.EcsSettings()));

        // Assert
        Assert.That(request.Overrides.ContainerOverrides[0].Environment.Select(e => e.Name), Does.Not.Contain("RENDITIONS"));
    }

    [Test]
    public void ClientToken_SameReceive_SameTokenAtMost64Characters()
    {
        // Act
        var first = ClientTokens.For("m-1", "receipt-1");
        var again = ClientTokens.For("m-1", "receipt-1");
        var nextReceive = ClientTokens.For("m-1", "receipt-2");

        // Assert
        Assert.That(again, Is.EqualTo(first));
        Assert.That(nextReceive, Is.Not.EqualTo(first));
        Assert.That(first, Has.Length.LessThanOrEqualTo(64));
    }
}
