using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// Read-only root filesystems: on the shipped template, and each rule on a copy with a typical mistake (a rule that
/// passes on anything would prove nothing).
/// </summary>
public sealed class FilesystemTests
{
    private CloudFormationTemplate _template = null!;

    // NUnit keeps one fixture instance for all its tests: a fresh copy for each mutation.
    [SetUp]
    public void LoadFreshCopy() => _template = CloudFormationTemplate.LoadShipped().Clone();

    private JsonObject JobContainer => _template.Container("JobTaskDefinition", FilesystemRules.JobContainer);

    private JsonObject JobEnvironmentEntry(string name) =>
        Intrinsics.Items(JobContainer["Environment"]).OfType<JsonObject>().Single(e => (string?)e["Name"] == name);

    [Test]
    public void WritableRoots_ShippedTemplate_None() =>
        Assert.That(FilesystemRules.WritableRoots(_template), Is.Empty);

    [Test]
    public void WritableRoots_ShippedTemplate_BothContainersChecked()
    {
        // A parsing slip would make the rule pass on nothing.
        var containers = _template.LogicalIdsOfType("AWS::ECS::TaskDefinition")
            .SelectMany(id => Intrinsics.Items(_template.Properties(id)["ContainerDefinitions"]))
            .Select(c => (string?)c?["Name"]);

        Assert.That(containers, Is.EquivalentTo(new[] { FilesystemRules.JobContainer, "dispatcher" }));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_ShippedTemplate_WorkDirAndTmpDirOnTheWorkVolume() =>
        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Is.Empty);

    [Test]
    public void WritableRoots_DispatcherFlagRemoved_Reported()
    {
        _template.Container("DispatcherTaskDefinition", "dispatcher").Remove("ReadonlyRootFilesystem");

        Assert.That(FilesystemRules.WritableRoots(_template), Is.EqualTo(new[]
        {
            "DispatcherTaskDefinition/dispatcher: root filesystem is writable (ReadonlyRootFilesystem is not true)",
        }));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_TmpDirUnset_Reported()
    {
        JobEnvironmentEntry("TMPDIR").Parent!.AsArray().Remove(JobEnvironmentEntry("TMPDIR"));

        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Is.EqualTo(new[]
        {
            "transcode-job: TMPDIR is not set (the default would be on the read-only root)",
        }));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_WorkDirOutsideTheMount_Reported()
    {
        // "/workspace" starts with "/work" but is not below it.
        JobEnvironmentEntry("WORK_DIR")["Value"] = "/workspace";

        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Has.One.StartsWith("transcode-job: WORK_DIR=/workspace is not on a writable volume mount"));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_MountReadOnly_Reported()
    {
        Intrinsics.Items(JobContainer["MountPoints"]).OfType<JsonObject>().Single()["ReadOnly"] = true;

        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Has.Count.EqualTo(2).And.All.Contains("is not on a writable volume mount"));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_VolumeOnAHostPath_Reported()
    {
        Intrinsics.Items(_template.Properties("JobTaskDefinition")["Volumes"]).OfType<JsonObject>().Single()["Host"] =
            new JsonObject { ["SourcePath"] = "/var/tmp" };

        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Has.Some.Contains("volume 'work' has Host: not an ephemeral Fargate bind mount"));
    }

    [Test]
    public void JobWritesOnlyToItsVolume_MountOfAMissingVolume_Reported()
    {
        Intrinsics.Items(JobContainer["MountPoints"]).OfType<JsonObject>().Single()["SourceVolume"] = "scratch";

        Assert.That(FilesystemRules.JobWritesOnlyToItsVolume(_template), Has.Some.Contains("names volume 'scratch', which the task definition does not have"));
    }
}
