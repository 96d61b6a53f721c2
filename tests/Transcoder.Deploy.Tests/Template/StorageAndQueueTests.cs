using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The shipped template's buckets, queues and alarm.</summary>
public sealed class StorageAndQueueTests
{
    // The upload suffixes that start a job; S3 suffix filters are case-sensitive, so upper case is listed as well.
    private static readonly string[] VideoSuffixes = [".mp4", ".mov", ".mkv", ".webm", ".m4v", ".avi"];

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    [Test]
    public void Buckets_ShippedTemplate_EncryptedAndPublicAccessFullyBlocked()
    {
        var buckets = _template.LogicalIdsOfType("AWS::S3::Bucket");

        Assert.That(buckets, Is.EquivalentTo(new[] { "TempBucket", "ProdBucket" }));
        Assert.Multiple(() =>
        {
            foreach (var bucket in buckets)
            {
                var properties = _template.Properties(bucket);
                var algorithms = Intrinsics.Items(properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"])
                    .Select(rule => (string?)rule?["ServerSideEncryptionByDefault"]?["SSEAlgorithm"]);
                Assert.That(algorithms, Is.Not.Empty.And.All.AnyOf("AES256", "aws:kms", "aws:kms:dsse"), bucket + " encryption");

                var block = properties["PublicAccessBlockConfiguration"] as JsonObject;
                foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
                {
                    Assert.That(block?[flag]?.GetValue<bool>(), Is.True, $"{bucket} {flag}");
                }
            }
        });
    }

    [Test]
    public void Buckets_ShippedTemplate_DenyRequestsWithoutTls()
    {
        Assert.Multiple(() =>
        {
            foreach (var bucket in new[] { "TempBucket", "ProdBucket" })
            {
                var deny = _template.PolicyStatements().Where(s => s.Kind == PolicyKind.Resource && s.AttachedTo.Contains(bucket) && !s.IsAllow);
                Assert.That(deny.Any(s => s.ConditionValues("aws:SecureTransport").Any(c => Intrinsics.Describe(c.Value) == "false")), Is.True, bucket);
            }
        });
    }

    [Test]
    public void TempBucket_ShippedTemplate_OneQueueNotificationPerVideoSuffix()
    {
        var configurations = Intrinsics.Items(_template.Properties("TempBucket")["NotificationConfiguration"]?["QueueConfigurations"])
            .OfType<JsonObject>().ToList();
        var suffixes = configurations.Select(c =>
        {
            var rules = Intrinsics.Items(c["Filter"]?["S3Key"]?["Rules"]).OfType<JsonObject>().ToList();
            return rules.Count == 1 && ((string?)rules[0]["Name"])?.ToLowerInvariant() == "suffix" ? (string?)rules[0]["Value"] : null;
        }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(suffixes, Is.SupersetOf(VideoSuffixes), "lower-case suffixes");
            Assert.That(suffixes, Is.SupersetOf(VideoSuffixes.Select(s => s.ToUpperInvariant())), "upper-case suffixes (phones upload IMG_0001.MOV)");
            Assert.That(suffixes, Is.Unique, "S3 rejects overlapping filters for the same event");
            Assert.That(configurations.Select(c => (string?)c["Event"]), Is.All.EqualTo("s3:ObjectCreated:*"));
            Assert.That(configurations.Select(c => Intrinsics.RefTarget(c["Queue"])), Is.All.EqualTo("JobQueue"));
        });
    }

    [Test]
    public void TempBucket_ShippedTemplate_CreatedAfterTheQueuePolicy()
    {
        // S3 checks that it may send to the queue when the notification is configured: without the policy first,
        // stack creation fails with "Unable to validate the following destination configurations".
        var dependsOn = Intrinsics.Items(_template.Resource("TempBucket")["DependsOn"]).Select(Intrinsics.Describe);

        Assert.That(dependsOn, Does.Contain("JobQueuePolicy"));
        Assert.That(Intrinsics.Uses(_template.Properties("JobQueuePolicy"), "TempBucket"), Is.False, "a reference back to the bucket would be a cycle");
    }

    [Test]
    public void TempBucket_ShippedTemplate_UploadsExpireAfterParameterDays()
    {
        var rules = Intrinsics.Items(_template.Properties("TempBucket")["LifecycleConfiguration"]?["Rules"]).OfType<JsonObject>().ToList();

        Assert.That(rules.Where(r => (string?)r["Status"] == "Enabled").Select(r => Intrinsics.RefTarget(r["ExpirationInDays"])), Does.Contain("RawUploadExpirationDays"));
        Assert.That(_template.Parameters["RawUploadExpirationDays"]?["Default"]?.GetValue<int>(), Is.Positive);
    }

    [Test]
    public void JobQueue_ShippedTemplate_ThreeReceivesThenDeadLetterQueue()
    {
        var redrive = _template.Properties("JobQueue")["RedrivePolicy"];

        Assert.Multiple(() =>
        {
            Assert.That(redrive?["maxReceiveCount"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(Intrinsics.RefTarget(redrive?["deadLetterTargetArn"]), Is.EqualTo("DeadLetterQueue"));
            Assert.That(_template.Properties("DeadLetterQueue")["MessageRetentionPeriod"]?.GetValue<int>(), Is.EqualTo(1_209_600), "14 days");
            Assert.That(Intrinsics.RefTarget(_template.Properties("JobQueue")["VisibilityTimeout"]), Is.EqualTo("QueueVisibilityTimeoutSeconds"));
        });
    }

    [Test]
    public void Queues_ShippedTemplate_ServerSideEncrypted()
    {
        Assert.Multiple(() =>
        {
            foreach (var queue in _template.LogicalIdsOfType("AWS::SQS::Queue"))
            {
                Assert.That(_template.Properties(queue)["SqsManagedSseEnabled"]?.GetValue<bool>(), Is.True, queue);
            }
        });
    }

    [Test]
    public void DeadLetterQueueAlarm_ShippedTemplate_FiresOnAnyVisibleMessage()
    {
        var alarm = _template.Properties("DeadLetterQueueAlarm");
        var dimensions = Intrinsics.Items(alarm["Dimensions"]).OfType<JsonObject>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That((string?)alarm["Namespace"], Is.EqualTo("AWS/SQS"));
            Assert.That((string?)alarm["MetricName"], Is.EqualTo("ApproximateNumberOfMessagesVisible"));
            Assert.That(dimensions.Select(d => ((string?)d["Name"], Intrinsics.RefTarget(d["Value"]))), Is.EqualTo(new[] { ("QueueName", "DeadLetterQueue") }));
            Assert.That((string?)alarm["ComparisonOperator"], Is.EqualTo("GreaterThanThreshold"));
            Assert.That(alarm["Threshold"]?.GetValue<int>(), Is.Zero);
            Assert.That(alarm["AlarmActions"]?["Fn::If"]?[0]?.GetValue<string>(), Is.EqualTo("HasAlarmTopic"), "the SNS topic is optional");
            Assert.That(_template.Parameters["AlarmTopicArn"]?["Default"]?.GetValue<string>(), Is.Empty);
        });
    }
}
