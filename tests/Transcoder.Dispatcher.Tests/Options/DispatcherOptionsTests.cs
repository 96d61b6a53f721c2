using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.Shared.Messages;

namespace Transcoder.Dispatcher.Tests.Options;

public sealed class DispatcherOptionsTests
{
    [Test]
    public void Read_NothingSet_ReportsEveryMissingSettingAtOnce()
    {
        // Act
        var (_, errors) = DispatcherOptions.Read(TestOptions.Configuration(new Dictionary<string, string?>()));

        // Assert
        var named = new[] { "SQS_QUEUE_URL", "BUCKET_NAME_PROD", "ECS_CLUSTER", "ECS_TASK_DEF", "ECS_CONTAINER_NAME", "ECS_SUBNETS", "AWS_REGION" };
        Assert.That(named.Where(name => !errors.Any(e => e.StartsWith(name, StringComparison.Ordinal))), Is.Empty, string.Join("\n", errors));
    }

    [Test]
    public void Read_ValidEcsSettings_Parsed()
    {
        // Act
        var options = TestOptions.Read(TestOptions.EcsSettings());

        // Assert
        Assert.That(options.Ecs.Subnets, Is.EqualTo(new[] { "subnet-1", "subnet-2" }));
        Assert.That(options.Ecs.LaunchType, Is.EqualTo("FARGATE"));
        Assert.That(options.Ecs.CapacityProviders, Is.Empty);
        Assert.That(options.KeyFilter, Is.EqualTo(KeyFilter.Uploads));
    }

    [TestCase(null, true)]
    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    public void Read_SpotFallback_OnUnlessTurnedOff(string? value, bool expected)
    {
        // Arrange
        var settings = TestOptions.EcsSettings();
        settings[SettingNames.SpotFallback] = value;

        // Act
        var options = TestOptions.Read(settings);

        // Assert
        Assert.That(options.Ecs.SpotFallback, Is.EqualTo(expected));
    }

    [Test]
    public void Read_CapacityProviders_ReplaceTheLaunchType()
    {
        // Arrange
        var settings = TestOptions.EcsSettings();
        settings[SettingNames.CapacityProvider] = "FARGATE_SPOT:3, FARGATE:1:1";

        // Act
        var options = TestOptions.Read(settings);

        // Assert
        Assert.That(options.Ecs.LaunchType, Is.Null);
        Assert.That(options.Ecs.CapacityProviders, Is.EqualTo(new[] { new CapacityProviderItem("FARGATE_SPOT", 3, 0), new CapacityProviderItem("FARGATE", 1, 1) }));
    }

    [TestCase(SettingNames.LaunchType, "FARGATE", SettingNames.CapacityProvider, "FARGATE_SPOT", "not both")]
    [TestCase(SettingNames.Concurrency, "0", SettingNames.Verbose, "", "DISPATCH_CONCURRENCY must be a whole number from 1 to 1000, not '0'")]
    [TestCase(SettingNames.Launcher, "lambda", SettingNames.Verbose, "", "LAUNCHER must be 'ecs' or 'local', not 'lambda'")]
    [TestCase(SettingNames.AssignPublicIp, "maybe", SettingNames.Verbose, "", "ECS_ASSIGN_PUBLIC_IP must be ENABLED or DISABLED")]
    [TestCase(SettingNames.QueueUrl, "uploads", SettingNames.Verbose, "", "must be a queue URL")]
    [TestCase(SettingNames.RetryBackoffBaseSeconds, "60", SettingNames.RetryBackoffMaxSeconds, "30", "must not be below")]
    [TestCase(SettingNames.CapacityProvider, "FARGATE_SPOT:x", SettingNames.Verbose, "", "NAME[:weight[:base]]")]
    public void Read_BadValue_ClearMessage(string name, string value, string otherName, string otherValue, string expected)
    {
        // Arrange
        var settings = TestOptions.EcsSettings();
        settings[name] = value;
        settings[otherName] = otherValue;

        // Act
        var (_, errors) = DispatcherOptions.Read(TestOptions.Configuration(settings));

        // Assert
        Assert.That(errors, Has.Some.Contains(expected));
    }

    [Test]
    public void Read_LocalLauncherWithoutJobPath_NeedsNoEcsSettingsButTheJob()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.QueueUrl] = "http://127.0.0.1:1/000000000000/q",
            [SettingNames.OutputBucket] = "prod",
            [SettingNames.Launcher] = "local",
            [SettingNames.LocalJobPath] = "/nowhere/TranscodeJob",
        };

        // Act
        var (_, errors) = DispatcherOptions.Read(TestOptions.Configuration(settings));

        // Assert
        Assert.That(errors, Is.EqualTo(new[] { "LOCAL_JOB_PATH names no file: '/nowhere/TranscodeJob'" }));
    }

    [Test]
    public void Read_SuffixStar_AcceptsEveryKey()
    {
        // Arrange
        var settings = TestOptions.EcsSettings();
        settings[SettingNames.KeySuffixes] = "*";

        // Act
        var options = TestOptions.Read(settings);

        // Assert
        Assert.That(options.KeyFilter.Accepts("notes.txt"), Is.True);
    }
}
