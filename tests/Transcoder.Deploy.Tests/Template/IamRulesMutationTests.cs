using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// Each least-privilege rule on a copy of the shipped template with one typical mistake: the rule must report it,
/// naming where it is (a rule that passes on anything would make <see cref="LeastPrivilegeTests"/> worthless).
/// </summary>
public sealed class IamRulesMutationTests
{
    private CloudFormationTemplate _template = null!;

    // NUnit keeps one fixture instance for all its tests: a fresh copy for each mutation.
    [SetUp]
    public void LoadFreshCopy() => _template = CloudFormationTemplate.LoadShipped().Clone();

    /// <summary>The live statement (changing it changes <see cref="_template"/>).</summary>
    private JsonObject Statement(string attachedTo, string sid) =>
        _template.PolicyStatements().Single(s => s.AttachedTo.Contains(attachedTo) && s.Source.EndsWith("#" + sid, StringComparison.Ordinal)).Json;

    [Test]
    public void WildcardActions_ServiceWildcardOnJobRole_Reported()
    {
        Statement(IamRules.JobTaskRole, "WriteOutputs")["Action"] = "s3:*";

        Assert.That(IamRules.WildcardActions(_template), Is.EqualTo(new[] { "JobTaskRole/transcode#WriteOutputs: wildcard action s3:*" }));
    }

    [Test]
    public void WildcardActions_StarInList_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "ConsumeJobQueue")["Action"]!.AsArray().Add("*");

        Assert.That(IamRules.WildcardActions(_template), Has.One.Contains("DispatcherTaskRole/dispatch#ConsumeJobQueue: wildcard action *"));
    }

    [Test]
    public void WildcardActions_PrefixWildcard_Reported()
    {
        Statement(IamRules.JobTaskRole, "ReadUploads")["Action"] = "s3:Get*";

        Assert.That(IamRules.WildcardActions(_template), Has.One.Contains("s3:Get*"));
    }

    [Test]
    public void WildcardResources_StarForScopedAction_Reported()
    {
        Statement(IamRules.JobTaskRole, "ReadUploads")["Resource"] = "*";

        Assert.That(IamRules.WildcardResources(_template), Is.EqualTo(new[] { "JobTaskRole/transcode#ReadUploads: resource * for s3:GetObject" }));
    }

    [Test]
    public void WildcardResources_EveryQueueOfTheAccount_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "ConsumeJobQueue")["Resource"] =
            new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*" };

        Assert.That(IamRules.WildcardResources(_template), Has.One.StartsWith("DispatcherTaskRole/dispatch#ConsumeJobQueue: resource"));
    }

    [Test]
    public void WildcardResources_AllowlistedActionJoinedByAnother_Reported()
    {
        Statement(IamRules.JobExecutionRole, "EcrAuthorizationToken")["Action"] = new JsonArray("ecr:GetAuthorizationToken", "ecr:BatchGetImage");

        Assert.That(IamRules.WildcardResources(_template), Has.One.Contains("ecr:BatchGetImage"));
    }

    [Test]
    public void RunTaskScope_AnyTaskDefinition_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "RunJobTask")["Resource"] =
            new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/*" };

        Assert.That(IamRules.RunTaskScope(_template), Has.One.Contains("not only on JobTaskDefinition"));
    }

    [Test]
    public void RunTaskScope_ClusterConditionRemoved_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "RunJobTask").Remove("Condition");

        Assert.That(IamRules.RunTaskScope(_template), Has.One.Contains("without the condition ecs:cluster"));
    }

    [Test]
    public void RunTaskScope_GrantedToJobRole_Reported()
    {
        var runTask = Statement(IamRules.DispatcherTaskRole, "RunJobTask").DeepClone();
        Statement(IamRules.JobTaskRole, "ReadUploads").Parent!.AsArray().Add(runTask);

        Assert.That(IamRules.RunTaskScope(_template), Has.Some.Contains("granted to JobTaskRole"));
    }

    [Test]
    public void RunTaskScope_DescribeTasksInAnyCluster_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "DescribeJobTasks").Remove("Condition");

        Assert.That(IamRules.RunTaskScope(_template), Has.One.Contains("ecs:DescribeTasks without the condition ecs:cluster"));
    }

    [Test]
    public void RunTaskScope_TagResourceWithoutCreateAction_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "TagJobTaskAtLaunch").Remove("Condition");

        Assert.That(IamRules.RunTaskScope(_template), Has.One.Contains("ecs:TagResource without the condition ecs:CreateAction"));
    }

    [Test]
    public void PassRoleScope_DispatcherPassesItsOwnRole_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "PassJobRoles")["Resource"]!.AsArray()
            .Add(new JsonObject { ["Fn::GetAtt"] = new JsonArray("DispatcherTaskRole", "Arn") });

        Assert.That(IamRules.PassRoleScope(_template), Has.One.Contains("iam:PassRole on {\"Fn::GetAtt\":[\"DispatcherTaskRole\",\"Arn\"]}"));
    }

    [Test]
    public void PassRoleScope_AnyRole_Reported()
    {
        Statement(IamRules.DispatcherTaskRole, "PassJobRoles")["Resource"] = "*";

        Assert.That(IamRules.PassRoleScope(_template), Has.One.Contains("iam:PassRole on *"));
    }

    [Test]
    public void JobTaskRoleScope_WriteToTempBucket_Reported()
    {
        Statement(IamRules.JobTaskRole, "ReadUploads")["Action"] = new JsonArray("s3:GetObject", "s3:PutObject");

        Assert.That(IamRules.JobTaskRoleScope(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#ReadUploads: s3:PutObject on the temp bucket (allowed there: s3:GetObject, s3:ListBucket)",
        }));
    }

    [Test]
    public void JobTaskRoleScope_ReadAnotherBucket_Reported()
    {
        Statement(IamRules.JobTaskRole, "ReadUploads")["Resource"] = new JsonArray(
            new JsonObject { ["Fn::Sub"] = "${TempBucket.Arn}/*" },
            "arn:aws:s3:::somebody-elses-bucket/*");

        Assert.That(IamRules.JobTaskRoleScope(_template), Has.One.Contains("arn:aws:s3:::somebody-elses-bucket/*"));
    }

    [Test]
    public void JobTaskRoleScope_ReceiveFromQueue_Reported()
    {
        Statement(IamRules.JobTaskRole, "SettleMessage")["Action"]!.AsArray().Add("sqs:ReceiveMessage");

        Assert.That(IamRules.JobTaskRoleScope(_template), Has.One.Contains("sqs:ReceiveMessage on the queue"));
    }

    [Test]
    public void ResultsQueueScope_GrantRemoved_Reported()
    {
        var grant = Statement(IamRules.JobTaskRole, "SendCompletionEvent");
        grant.Parent!.AsArray().Remove(grant);

        Assert.That(IamRules.ResultsQueueScope(_template), Is.EqualTo(new[] { "JobTaskRole may not sqs:SendMessage to ResultsQueue" }));
    }

    [Test]
    public void ResultsQueueScope_SendToTheDeadLetterQueueToo_Reported()
    {
        // The job queues a long source's chunks on the job queue; any other queue, such as the DLQ, is out of its reach.
        Statement(IamRules.JobTaskRole, "SendCompletionEvent")["Resource"] = new JsonArray(
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("ResultsQueue", "Arn") },
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("DeadLetterQueue", "Arn") });

        Assert.That(IamRules.ResultsQueueScope(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#SendCompletionEvent: sqs:SendMessage on {\"Fn::GetAtt\":[\"DeadLetterQueue\",\"Arn\"]}, not only on ResultsQueue (and JobQueue for a long source's chunks)",
        }));
    }

    [Test]
    public void ResultsQueueScope_SendToEveryQueueOfTheAccount_Reported()
    {
        Statement(IamRules.JobTaskRole, "SendCompletionEvent")["Resource"] =
            new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*" };

        Assert.That(IamRules.ResultsQueueScope(_template), Is.EquivalentTo(new[]
        {
            "JobTaskRole may not sqs:SendMessage to ResultsQueue",
            "JobTaskRole/transcode#SendCompletionEvent: sqs:SendMessage on {\"Fn::Sub\":\"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*\"}, not only on ResultsQueue (and JobQueue for a long source's chunks)",
        }));
    }

    [Test]
    public void ResultsQueueScope_JobReceivesTheEvents_Reported()
    {
        Statement(IamRules.JobTaskRole, "SendCompletionEvent")["Action"] = new JsonArray("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage");

        Assert.That(IamRules.ResultsQueueScope(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#SendCompletionEvent: sqs:ReceiveMessage on ResultsQueue (the job only sends; the customer's application receives)",
            "JobTaskRole/transcode#SendCompletionEvent: sqs:DeleteMessage on ResultsQueue (the job only sends; the customer's application receives)",
        }));
    }

    [Test]
    public void ResultsQueueScope_DispatcherSendsEvents_Reported()
    {
        var send = Statement(IamRules.JobTaskRole, "SendCompletionEvent").DeepClone();
        Statement(IamRules.DispatcherTaskRole, "ConsumeJobQueue").Parent!.AsArray().Add(send);

        Assert.That(IamRules.ResultsQueueScope(_template), Is.EqualTo(new[]
        {
            "DispatcherTaskRole/dispatch#SendCompletionEvent: ResultsQueue reached by DispatcherTaskRole, not by the job alone",
        }));
    }

    [Test]
    public void JobTaskRoleScope_ChangeVisibilityOnTheResultsQueue_Reported()
    {
        // The settle statement stretched over both queues: the job must not hide or delete completion events.
        Statement(IamRules.JobTaskRole, "SettleMessage")["Resource"] = new JsonArray(
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("JobQueue", "Arn") },
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("ResultsQueue", "Arn") });

        Assert.That(IamRules.ResultsQueueScope(_template), Has.Some.Contains("sqs:ChangeMessageVisibility on ResultsQueue"));
    }

    [Test]
    public void JobS3Prefixes_ReadTheWholeTempBucket_Reported()
    {
        Statement(IamRules.JobTaskRole, "ReadUploads")["Resource"] = new JsonObject { ["Fn::Sub"] = "${TempBucket.Arn}/*" };

        Assert.That(IamRules.JobS3Prefixes(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#ReadUploads: s3:GetObject on {\"Fn::Sub\":\"${TempBucket.Arn}/*\"}, not only on ${TempBucket.Arn}/${UploadPrefix}*",
        }));
    }

    [Test]
    public void JobS3Prefixes_WriteTheWholeProdBucket_Reported()
    {
        Statement(IamRules.JobTaskRole, "WriteOutputs")["Resource"] = new JsonObject { ["Fn::Sub"] = "${ProdBucket.Arn}/*" };

        Assert.That(IamRules.JobS3Prefixes(_template), Has.One.StartsWith("JobTaskRole/transcode#WriteOutputs: s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload on"));
    }

    [Test]
    public void JobS3Prefixes_ReadUnderTheOutputPrefixOfTheTempBucket_Reported()
    {
        // Right bucket, wrong parameter: the prefix belongs to the prod bucket.
        Statement(IamRules.JobTaskRole, "ReadUploads")["Resource"] = new JsonObject { ["Fn::Sub"] = "${TempBucket.Arn}/${OutputPrefix}*" };

        Assert.That(IamRules.JobS3Prefixes(_template), Has.One.Contains("not only on ${TempBucket.Arn}/${UploadPrefix}*"));
    }

    [Test]
    public void JobS3Prefixes_ListBucketWithoutPrefixCondition_Reported()
    {
        Statement(IamRules.JobTaskRole, "UploadNotFoundInsteadOfAccessDenied").Remove("Condition");

        Assert.That(IamRules.JobS3Prefixes(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#UploadNotFoundInsteadOfAccessDenied: s3:ListBucket on TempBucket without the condition s3:prefix like ${UploadPrefix}*",
        }));
    }

    [Test]
    public void JobS3Prefixes_OneListStatementForBothBuckets_Reported()
    {
        // The output prefix's condition does not limit listing of the temp bucket to the uploads.
        Statement(IamRules.JobTaskRole, "OutputNotFoundInsteadOfAccessDenied")["Resource"] = new JsonArray(
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("TempBucket", "Arn") },
            new JsonObject { ["Fn::GetAtt"] = new JsonArray("ProdBucket", "Arn") });

        Assert.That(IamRules.JobS3Prefixes(_template), Is.EqualTo(new[]
        {
            "JobTaskRole/transcode#OutputNotFoundInsteadOfAccessDenied: s3:ListBucket on TempBucket without the condition s3:prefix like ${UploadPrefix}*",
        }));
    }

    [Test]
    public void JobS3Prefixes_ObjectActionOnTheBucketArn_Reported()
    {
        Statement(IamRules.JobTaskRole, "UploadNotFoundInsteadOfAccessDenied")["Action"] = new JsonArray("s3:ListBucket", "s3:GetObject");

        Assert.That(IamRules.JobS3Prefixes(_template), Has.One.EqualTo(
            "JobTaskRole/transcode#UploadNotFoundInsteadOfAccessDenied: s3:GetObject on the whole TempBucket (only s3:ListBucket belongs on the bucket ARN)"));
    }

    [Test]
    public void QueuePolicyScope_SourceAccountRemoved_Reported()
    {
        Statement(IamRules.JobQueue, "TempBucketNotifications")["Condition"]!.AsObject().Remove("StringEquals");

        Assert.That(IamRules.QueuePolicyScope(_template), Is.EqualTo(new[]
        {
            "JobQueuePolicy#TempBucketNotifications: no condition aws:SourceAccount = AWS::AccountId",
        }));
    }

    [Test]
    public void QueuePolicyScope_SourceArnOfAnotherBucket_Reported()
    {
        Statement(IamRules.JobQueue, "TempBucketNotifications")["Condition"]!["ArnEquals"]!["aws:SourceArn"] =
            new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:s3:::${NamePrefix}-prod-${AWS::AccountId}-${AWS::Region}" };

        Assert.That(IamRules.QueuePolicyScope(_template), Has.One.Contains("no condition aws:SourceArn"));
    }

    [Test]
    public void QueuePolicyScope_AnyPrincipal_Reported()
    {
        Statement(IamRules.JobQueue, "TempBucketNotifications")["Principal"] = "*";

        Assert.That(IamRules.QueuePolicyScope(_template), Has.One.Contains("is not the S3 service"));
    }
}
