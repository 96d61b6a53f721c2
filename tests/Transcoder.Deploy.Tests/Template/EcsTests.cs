using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The shipped template's cluster, task definitions and dispatcher service, against the contracts in docs/architecture.md.</summary>
public sealed class EcsTests
{
    private const string JobContainer = "transcode-job";

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    private JsonObject DispatcherContainer =>
        Intrinsics.Items(_template.Properties("DispatcherTaskDefinition")["ContainerDefinitions"]).OfType<JsonObject>().Single();

    [Test]
    public void Cluster_ShippedTemplate_FargateAndFargateSpot() =>
        Assert.That(Intrinsics.Items(_template.Properties("Cluster")["CapacityProviders"]).Select(Intrinsics.Describe),
            Is.EquivalentTo(new[] { "FARGATE", "FARGATE_SPOT" }));

    [Test]
    public void JobTaskDefinition_ShippedTemplate_SizedByParametersWithLongStopTimeout()
    {
        var properties = _template.Properties("JobTaskDefinition");
        var container = _template.Container("JobTaskDefinition", JobContainer);

        Assert.Multiple(() =>
        {
            Assert.That(Intrinsics.RefTarget(properties["Cpu"]), Is.EqualTo("JobCpu"));
            Assert.That(Intrinsics.RefTarget(properties["Memory"]), Is.EqualTo("JobMemory"));
            Assert.That(Intrinsics.RefTarget(properties["EphemeralStorage"]?["SizeInGiB"]), Is.EqualTo("JobEphemeralStorageGiB"));
            Assert.That(Intrinsics.Items(properties["RequiresCompatibilities"]).Select(Intrinsics.Describe), Is.EqualTo(new[] { "FARGATE" }));
            Assert.That((string?)properties["NetworkMode"], Is.EqualTo("awsvpc"));

            // SIGTERM (Spot interruption, StopTask) gives the job 120 s to release its message before SIGKILL.
            Assert.That(container["StopTimeout"]?.GetValue<int>(), Is.EqualTo(120));
            Assert.That(Intrinsics.RefTarget(container["Image"]), Is.EqualTo("JobImage"));
            Assert.That((string?)container["LogConfiguration"]?["LogDriver"], Is.EqualTo("awslogs"));
            Assert.That(Intrinsics.RefTarget(container["LogConfiguration"]?["Options"]?["awslogs-group"]), Is.EqualTo("JobLogGroup"));
        });
    }

    [Test]
    public void DispatcherEnvironment_ShippedTemplate_ExactlyTheNamesOfDesignMd()
    {
        var environment = CloudFormationTemplate.EnvironmentOf(DispatcherContainer);

        Assert.That(environment.Keys, Is.EquivalentTo(new[]
        {
            "SQS_QUEUE_URL", "ECS_CLUSTER", "ECS_TASK_DEF", "ECS_CONTAINER_NAME", "ECS_SUBNETS", "ECS_SECURITY_GROUPS",
            "ECS_ASSIGN_PUBLIC_IP", "ECS_CAPACITY_PROVIDER", "KEY_PREFIX", "BUCKET_NAME_PROD", "OUTPUT_PREFIX", "AWS_REGION", "DISPATCH_CONCURRENCY",
        }));
    }

    [Test]
    public void DispatcherEnvironment_ShippedTemplate_PointsAtThisStacksResources()
    {
        var environment = CloudFormationTemplate.EnvironmentOf(DispatcherContainer);

        Assert.Multiple(() =>
        {
            Assert.That(Intrinsics.RefTarget(environment["SQS_QUEUE_URL"]), Is.EqualTo("JobQueue"));
            Assert.That(Intrinsics.RefTarget(environment["ECS_CLUSTER"]), Is.EqualTo("Cluster"));
            Assert.That(Intrinsics.RefTarget(environment["ECS_TASK_DEF"]), Is.EqualTo("JobTaskDefinition"));
            Assert.That(Intrinsics.Describe(environment["ECS_CONTAINER_NAME"]), Is.EqualTo(JobContainer), "the container the overrides target");
            Assert.That(Intrinsics.RefTarget(environment["BUCKET_NAME_PROD"]), Is.EqualTo("ProdBucket"));
            Assert.That(Intrinsics.RefTarget(environment["ECS_CAPACITY_PROVIDER"]), Is.EqualTo("CapacityProvider"));
            Assert.That(Intrinsics.RefTarget(environment["KEY_PREFIX"]), Is.EqualTo("UploadPrefix"));
            Assert.That(Intrinsics.RefTarget(environment["AWS_REGION"]), Is.EqualTo("AWS::Region"));

            // Comma lists, as the dispatcher splits them.
            Assert.That(environment["ECS_SUBNETS"]?["Fn::Join"]?.ToJsonString(), Is.EqualTo("""[",",{"Ref":"Subnets"}]"""));
            Assert.That(environment["ECS_SECURITY_GROUPS"]?["Fn::Join"]?.ToJsonString(), Is.EqualTo("""[",",{"Ref":"SecurityGroups"}]"""));
        });
    }

    [Test]
    public void CapacityProviderParameter_ShippedTemplate_DefaultsToFargateSpot() =>
        Assert.That((string?)_template.Parameters["CapacityProvider"]?["Default"], Is.EqualTo("FARGATE_SPOT"));

    [Test]
    public void AssignPublicIpParameter_ShippedTemplate_DefaultsToDisabled() =>
        Assert.That((string?)_template.Parameters["AssignPublicIp"]?["Default"], Is.EqualTo("DISABLED"));

    [Test]
    public void DispatcherService_ShippedTemplate_OneFargateTaskInTheGivenNetwork()
    {
        var service = _template.Properties("DispatcherService");
        var network = service["NetworkConfiguration"]?["AwsvpcConfiguration"];

        Assert.Multiple(() =>
        {
            Assert.That(service["DesiredCount"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That((string?)service["LaunchType"], Is.EqualTo("FARGATE"));
            Assert.That(Intrinsics.RefTarget(service["TaskDefinition"]), Is.EqualTo("DispatcherTaskDefinition"));
            Assert.That(Intrinsics.RefTarget(network?["Subnets"]), Is.EqualTo("Subnets"));
            Assert.That(Intrinsics.RefTarget(network?["SecurityGroups"]), Is.EqualTo("SecurityGroups"));
            Assert.That(Intrinsics.RefTarget(DispatcherContainer["Image"]), Is.EqualTo("DispatcherImage"));
        });
    }

    [Test]
    public void Parameters_ShippedTemplate_DefaultsExceptWhatOnlyTheAccountKnows()
    {
        var withoutDefault = _template.Parameters.Where(p => p.Value?["Default"] is null).Select(p => p.Key);

        Assert.That(withoutDefault, Is.EquivalentTo(new[] { "JobImage", "DispatcherImage", "Subnets", "SecurityGroups" }));
    }

    [Test]
    public void Outputs_ShippedTemplate_WhatTheDeployGuideUses() =>
        Assert.That(_template.Outputs.Select(o => o.Key), Is.SupersetOf(new[]
        {
            "TempBucketName", "ProdBucketName", "QueueUrl", "DeadLetterQueueUrl", "DeadLetterQueueArn", "ClusterName",
            "JobTaskDefinitionArn", "JobLogGroupName", "DispatcherLogGroupName", "ResultsQueueUrl", "DashboardName",
        }));

    [Test]
    public void TaggableResources_ShippedTemplate_TaggedWithTheApplication()
    {
        var untagged = _template.Resources
            .Where(r => (string?)r.Value?["Type"] is "AWS::S3::Bucket" or "AWS::SQS::Queue" or "AWS::ECS::Cluster" or "AWS::ECS::TaskDefinition"
                or "AWS::ECS::Service" or "AWS::IAM::Role" or "AWS::Logs::LogGroup")
            .Where(r => !Intrinsics.Items(r.Value?["Properties"]?["Tags"]).Any(t => (string?)t?["Key"] == "Application"))
            .Select(r => r.Key);

        Assert.That(untagged, Is.Empty);
    }
}
