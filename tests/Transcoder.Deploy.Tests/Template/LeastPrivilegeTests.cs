namespace Transcoder.Deploy.Tests.Template;

/// <summary>The shipped template's IAM: every role can do its job and nothing more.</summary>
public sealed class LeastPrivilegeTests
{
    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    [Test]
    public void PolicyStatements_ShippedTemplate_AreFound()
    {
        var statements = _template.PolicyStatements();

        // A parsing slip would make every rule below pass on nothing.
        Assert.That(statements.Select(s => s.AttachedTo.FirstOrDefault()).Distinct(), Is.SupersetOf(new[]
        {
            IamRules.JobTaskRole, IamRules.JobExecutionRole, IamRules.DispatcherTaskRole, "DispatcherExecutionRole", IamRules.JobQueue,
        }));
    }

    [Test]
    public void WildcardActions_ShippedTemplate_None() =>
        Assert.That(IamRules.WildcardActions(_template), Is.Empty);

    [Test]
    public void WildcardResources_ShippedTemplate_OnlyForActionsWithoutResourceLevelPermissions() =>
        Assert.That(IamRules.WildcardResources(_template), Is.Empty);

    [Test]
    public void WildcardResources_ShippedTemplate_StarUsedOnlyForEcrLogin()
    {
        var starActions = _template.PolicyStatements()
            .Where(s => s.IsAllow && s.Resources.Any(r => Intrinsics.Describe(r) == "*"))
            .SelectMany(s => s.Actions)
            .Distinct();

        Assert.That(starActions, Is.EquivalentTo(new[] { "ecr:GetAuthorizationToken" }));
    }

    [Test]
    public void RunTaskScope_ShippedTemplate_JobTaskDefinitionInTheClusterOnly() =>
        Assert.That(IamRules.RunTaskScope(_template), Is.Empty);

    [Test]
    public void PassRoleScope_ShippedTemplate_JobRolesOnly() =>
        Assert.That(IamRules.PassRoleScope(_template), Is.Empty);

    [Test]
    public void PassRole_ShippedTemplate_BothJobRolesPassable()
    {
        var passed = _template.RoleStatements(IamRules.DispatcherTaskRole)
            .Where(s => s.IsAllow && s.HasAction("iam:PassRole"))
            .SelectMany(s => s.Resources)
            .Select(Intrinsics.RefTarget);

        // RunTask needs both: the execution role (ECS agent: image pull, logs) and the task role (the job's own calls).
        Assert.That(passed, Is.EquivalentTo(new[] { IamRules.JobExecutionRole, IamRules.JobTaskRole }));
    }

    [Test]
    public void JobTaskRoleScope_ShippedTemplate_ReadsUploadsWritesOutputsSettlesMessages() =>
        Assert.That(IamRules.JobTaskRoleScope(_template), Is.Empty);

    [Test]
    public void JobTaskRole_ShippedTemplate_CanDoWhatTheJobDoes()
    {
        var statements = _template.RoleStatements(IamRules.JobTaskRole).Where(s => s.IsAllow).ToList();

        bool Allows(string action, string resourceId) =>
            statements.Any(s => s.HasAction(action) && s.Resources.Any(r => Intrinsics.Uses(r, resourceId)));

        Assert.Multiple(() =>
        {
            // HEAD and download of the upload; a missing upload is a 404 (bad input), not a 403.
            Assert.That(Allows("s3:GetObject", IamRules.TempBucket), Is.True, "read the upload");
            Assert.That(Allows("s3:ListBucket", IamRules.TempBucket), Is.True, "404 for a missing upload");

            // Manifest check (GET), renditions and manifest (PUT, multipart), stale manifest and failure record (DELETE).
            foreach (var action in new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListBucket" })
            {
                Assert.That(Allows(action, IamRules.ProdBucket), Is.True, action + " on the prod bucket");
            }

            Assert.That(Allows("sqs:ChangeMessageVisibility", IamRules.JobQueue), Is.True, "heartbeat");
            Assert.That(Allows("sqs:DeleteMessage", IamRules.JobQueue), Is.True, "settle");
            Assert.That(Allows("sqs:SendMessage", IamRules.ResultsQueue), Is.True, "completion event");
            Assert.That(Allows("sqs:SendMessage", IamRules.JobQueue), Is.True, "a long source's chunks, queued as jobs");
        });
    }

    [Test]
    public void ResultsQueueScope_ShippedTemplate_JobSendsThereOnlyAndNothingElseReachesIt() =>
        Assert.That(IamRules.ResultsQueueScope(_template), Is.Empty);

    [Test]
    public void JobTaskRole_ShippedTemplate_WritesUnderOutputPrefixOnly()
    {
        var writes = _template.RoleStatements(IamRules.JobTaskRole).Where(s => s.HasAction("s3:PutObject")).SelectMany(s => s.Resources);

        Assert.That(writes.Select(Intrinsics.SubTemplate), Is.All.EqualTo("${ProdBucket.Arn}/${OutputPrefix}*"));
    }

    [Test]
    public void JobS3Prefixes_ShippedTemplate_UploadPrefixReadOutputPrefixWritten() =>
        Assert.That(IamRules.JobS3Prefixes(_template), Is.Empty);

    [Test]
    public void JobTaskRole_ShippedTemplate_S3ActionsExactlyWhatTheJobCalls()
    {
        // What TranscodeJob/Storage calls: S3SourceStore HeadObject + ranged GetObject (s3:GetObject) on the upload;
        // S3OutputStore GetObject (manifest), PutObject and multipart create/part/complete (s3:PutObject), abort of a
        // failed multipart upload (s3:AbortMultipartUpload), DeleteObject; s3:ListBucket on both so that a missing key
        // is a 404. Nothing lists a bucket, copies, tags or reads a version: anything more is a grant nobody uses.
        var statements = _template.RoleStatements(IamRules.JobTaskRole).Where(s => s.IsAllow && s.HasActionOf("s3")).ToList();

        IEnumerable<string> ActionsOn(string bucket) =>
            statements.Where(s => s.Resources.Any(r => Intrinsics.Uses(r, bucket))).SelectMany(s => s.Actions).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(ActionsOn(IamRules.TempBucket), Is.EquivalentTo(new[] { "s3:GetObject", "s3:ListBucket" }));
            Assert.That(ActionsOn(IamRules.ProdBucket), Is.EquivalentTo(new[]
            {
                "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListBucket",
            }));
        });
    }

    [Test]
    public void UploadPrefixParameter_ShippedTemplate_NotEmptyByDefaultOrByPattern()
    {
        // An empty prefix would turn "read under the upload prefix" into "read the whole bucket".
        var parameter = _template.Parameters["UploadPrefix"];
        var pattern = new System.Text.RegularExpressions.Regex((string?)parameter?["AllowedPattern"] ?? string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That((string?)parameter?["Default"], Is.EqualTo("uploads/"));
            Assert.That(pattern.IsMatch("uploads/") && pattern.IsMatch("incoming/videos/"), Is.True, "real prefixes pass");
            Assert.That(pattern.IsMatch(string.Empty) || pattern.IsMatch("uploads") || pattern.IsMatch("/"), Is.False, "empty or slashless prefixes fail");
        });
    }

    [Test]
    public void DispatcherTaskRole_ShippedTemplate_ConsumesTheQueueOnly()
    {
        var sqs = _template.RoleStatements(IamRules.DispatcherTaskRole).Where(s => s.HasActionOf("sqs")).ToList();

        Assert.Multiple(() =>
        {
            // SendMessage(Batch): an S3 event with several records is split into one job message per upload.
            Assert.That(sqs.SelectMany(s => s.Actions), Is.EquivalentTo(new[]
            {
                "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:SendMessage",
            }));
            Assert.That(sqs.SelectMany(s => s.Resources).Select(Intrinsics.RefTarget), Is.All.EqualTo(IamRules.JobQueue));
        });
    }

    [Test]
    public void DispatcherTaskRole_ShippedTemplate_NoS3Access() =>
        Assert.That(_template.RoleStatements(IamRules.DispatcherTaskRole).Where(s => s.HasActionOf("s3")), Is.Empty);

    [Test]
    public void ExecutionRoles_ShippedTemplate_PullOwnRepositoryAndWriteOwnLogGroup()
    {
        Assert.Multiple(() =>
        {
            foreach (var (role, repository, logGroup) in new[]
            {
                (IamRules.JobExecutionRole, "JobImageRepository", "JobLogGroup"),
                ("DispatcherExecutionRole", "DispatcherImageRepository", "DispatcherLogGroup"),
            })
            {
                var statements = _template.RoleStatements(role);
                var pull = statements.Where(s => s.HasAction("ecr:BatchGetImage")).SelectMany(s => s.Resources).ToList();
                var logs = statements.Where(s => s.HasAction("logs:PutLogEvents")).SelectMany(s => s.Resources).ToList();
                Assert.That(pull, Is.Not.Empty.And.All.Matches<System.Text.Json.Nodes.JsonNode?>(r => Intrinsics.Uses(r, repository)), role + " pulls");
                Assert.That(logs, Is.Not.Empty.And.All.Matches<System.Text.Json.Nodes.JsonNode?>(r => Intrinsics.Uses(r, logGroup)), role + " logs");
            }
        });
    }

    [Test]
    public void QueuePolicyScope_ShippedTemplate_TempBucketOfThisAccountOnly() =>
        Assert.That(IamRules.QueuePolicyScope(_template), Is.Empty);

    [Test]
    public void TrustPolicies_ShippedTemplate_EcsTasksOfThisAccountOnly()
    {
        Assert.Multiple(() =>
        {
            foreach (var role in _template.LogicalIdsOfType("AWS::IAM::Role"))
            {
                var trust = PolicyStatement.FromDocument(role, PolicyKind.Resource, [role], _template.Properties(role)["AssumeRolePolicyDocument"]).ToList();
                Assert.That(trust.Select(s => Intrinsics.Describe((s.Principal as System.Text.Json.Nodes.JsonObject)?["Service"])), Is.All.EqualTo("ecs-tasks.amazonaws.com"), role);
                Assert.That(trust.All(s => s.ConditionValues("aws:SourceAccount").Any()), Is.True, role + " trusts other accounts' tasks (confused deputy)");
            }
        });
    }
}
