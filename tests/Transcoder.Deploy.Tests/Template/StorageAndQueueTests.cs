using System.Text.Json.Nodes;
using Transcoder.Shared.Captions;
using Transcoder.Shared.Messages;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The shipped template's buckets, queues and alarm.</summary>
public sealed class StorageAndQueueTests
{
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
    public void TempBucket_ShippedTemplate_BrowsersMayPutPresignedUploadsWithTheirMetadata()
    {
        // A browser PUTs to a presigned URL with x-amz-meta-* headers (a preflighted request), and a multipart upload
        // needs each part's ETag back: without this rule the browser refuses the upload before S3 sees it.
        var rules = Intrinsics.Items(_template.Properties("TempBucket")["CorsConfiguration"]?["CorsRules"]).OfType<JsonObject>().ToList();

        var upload = rules.SingleOrDefault(rule => Intrinsics.Items(rule["AllowedMethods"]).Select(m => (string?)m).Contains("PUT"));
        Assert.That(upload, Is.Not.Null, "a CORS rule allowing PUT");
        Assert.That(Intrinsics.Items(upload!["AllowedHeaders"]).Select(h => (string?)h), Does.Contain("*"), "the signed x-amz-meta-* headers");
        Assert.That(Intrinsics.Items(upload["ExposedHeaders"]).Select(h => (string?)h), Does.Contain("ETag"), "multipart parts' ETags");
        Assert.That(Intrinsics.RefTarget(upload["AllowedOrigins"]), Is.EqualTo("UploadAllowedOrigins"), "origins are a parameter");
        Assert.That(Intrinsics.Items(upload["AllowedMethods"]).Select(m => (string?)m), Is.EqualTo(new[] { "PUT" }), "nothing but uploads");
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
    public void TempBucket_ShippedTemplate_EveryKeyFilterSuffixInAnyCaseRaisesAnEvent()
    {
        // Arrange: S3 key filters compare prefix and suffix case-sensitively
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html), the dispatcher's
        // KeyFilter does not, so every spelling the dispatcher accepts must reach the queue.
        var configurations = Intrinsics.Items(_template.Properties("TempBucket")["NotificationConfiguration"]?["QueueConfigurations"])
            .OfType<JsonObject>().ToList();
        var keys = KeyFilter.UploadSuffixes
            .SelectMany(suffix => new[] { suffix, suffix.ToUpperInvariant(), MixedCase(suffix) })
            .Select(suffix => UploadPrefixDefault + (CaptionFileName.HasCaptionSuffix(suffix) ? "clip.en" : "clip") + suffix)
            .ToList();

        // Act
        var missed = keys.Where(key => !configurations.Any(c => S3FilterMatches(c, key))).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Empty, "uploads the dispatcher accepts but S3 never announces");
            Assert.That(keys.All(KeyFilter.Uploads.Accepts), Is.True, "the dispatcher accepts every spelling tested");
            Assert.That(configurations.Select(c => (string?)c["Event"]), Is.All.EqualTo("s3:ObjectCreated:*"));
            Assert.That(configurations.Select(c => Intrinsics.RefTarget(c["Queue"])), Is.All.EqualTo("JobQueue"));
        });
    }

    [Test]
    public void TempBucket_ShippedTemplate_NotifiesOnlyUnderTheUploadPrefix()
    {
        // The job may read only under UploadPrefix: an event for another key would start a job bound to fail.
        var configurations = Intrinsics.Items(_template.Properties("TempBucket")["NotificationConfiguration"]?["QueueConfigurations"])
            .OfType<JsonObject>().ToList();
        var dispatcherPrefix = CloudFormationTemplate.EnvironmentOf(_template.Container("DispatcherTaskDefinition", "dispatcher"))["KEY_PREFIX"];

        Assert.Multiple(() =>
        {
            Assert.That(configurations, Has.Count.EqualTo(1));
            Assert.That(configurations.Select(c => S3FilterMatches(c, "elsewhere/clip.mp4")), Is.All.False);
            Assert.That(configurations.Select(c => S3FilterMatches(c, UploadPrefixDefault + "clip.mp4")), Is.All.True);
            Assert.That(Intrinsics.RefTarget(dispatcherPrefix), Is.EqualTo("UploadPrefix"), "the dispatcher's KEY_PREFIX guards a broader rule");
        });
    }

    private string UploadPrefixDefault => (string?)_template.Parameters["UploadPrefix"]?["Default"] ?? string.Empty;

    // S3's own rule: every prefix/suffix rule of the configuration must match, case-sensitively. A value that is a
    // parameter (Ref) is taken at its default.
    private bool S3FilterMatches(JsonObject configuration, string key) =>
        Intrinsics.Items(configuration["Filter"]?["S3Key"]?["Rules"]).OfType<JsonObject>().All(rule =>
            ((string?)rule["Name"])?.ToLowerInvariant() switch
            {
                "prefix" => key.StartsWith(RuleValue(rule), StringComparison.Ordinal),
                "suffix" => key.EndsWith(RuleValue(rule), StringComparison.Ordinal),
                _ => false,
            });

    private string RuleValue(JsonObject rule) =>
        Intrinsics.RefTarget(rule["Value"]) is { } parameter
            ? (string?)_template.Parameters[parameter]?["Default"] ?? throw new KeyNotFoundException($"no default for parameter {parameter}")
            : (string?)rule["Value"] ?? string.Empty;

    // ".mp4" → ".Mp4": the spelling no list of lower- and upper-case suffixes covers.
    private static string MixedCase(string suffix) =>
        suffix.Length < 2 ? suffix : "." + char.ToUpperInvariant(suffix[1]) + suffix[2..];

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
    public void ProdBucket_ShippedTemplate_ExpiresWhatLongSourcesLeaveInTheirWorkAreas()
    {
        // A long source's parts meet under OutputPrefix + ".chunks/" (TranscodeJob/Chunks/WorkArea.cs); a job that ended
        // on bad input, or was superseded, may leave some there.
        var rules = Intrinsics.Items(_template.Properties("ProdBucket")["LifecycleConfiguration"]?["Rules"]).OfType<JsonObject>().ToList();
        var work = rules.SingleOrDefault(r => Intrinsics.SubTemplate(r["Prefix"]) == "${OutputPrefix}.chunks/");

        Assert.That(work, Is.Not.Null, "a rule for the work areas");
        Assert.That(work!["ExpirationInDays"]?.GetValue<int>(), Is.InRange(1, 14));
        Assert.That((string?)work["Status"], Is.EqualTo("Enabled"));
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
