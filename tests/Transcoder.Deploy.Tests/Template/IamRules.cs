using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// The least-privilege rules of the stack, each returning its violations (empty: the rule holds) so that tests can
/// show every violation at once, and can prove on a changed copy of the template that a rule does catch a mistake.
/// </summary>
public static class IamRules
{
    public const string JobTaskRole = "JobTaskRole";
    public const string JobExecutionRole = "JobExecutionRole";
    public const string DispatcherTaskRole = "DispatcherTaskRole";
    public const string JobTaskDefinition = "JobTaskDefinition";
    public const string Cluster = "Cluster";
    public const string TempBucket = "TempBucket";
    public const string ProdBucket = "ProdBucket";
    public const string JobQueue = "JobQueue";
    public const string ResultsQueue = "ResultsQueue";

    /// <summary>
    /// Actions that have no resource-level permissions (the Service Authorization Reference lists no resource type
    /// for them), so IAM accepts only <c>"Resource": "*"</c>. Only ecr:GetAuthorizationToken: the ECS agent needs it to
    /// log in to ECR before pulling (the pulls themselves, ecr:BatchGetImage and friends, are limited to the
    /// repositories). Add an action here only with the same justification.
    /// </summary>
    public static readonly IReadOnlySet<string> ActionsWithoutResourceLevelPermissions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ecr:GetAuthorizationToken" };

    /// <summary>The S3 actions the job may use on the temp bucket: read an upload, and list so that a missing upload is a 404 (bad input) not a 403.</summary>
    public static readonly IReadOnlySet<string> JobTempBucketActions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "s3:GetObject", "s3:ListBucket" };

    /// <summary>
    /// The key prefix parameter of each bucket the job reaches: it reads uploads under UploadPrefix of the temp bucket
    /// and writes outputs under OutputPrefix of the prod bucket, and may touch no other key of either.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> JobBucketPrefixes =
        new Dictionary<string, string>(StringComparer.Ordinal) { [TempBucket] = "UploadPrefix", [ProdBucket] = "OutputPrefix" };

    /// <summary>No Allow statement grants <c>*</c>, <c>service:*</c> or any other wildcard action, nor uses NotAction.</summary>
    public static IReadOnlyList<string> WildcardActions(CloudFormationTemplate template) =>
    [
        .. template.PolicyStatements().Where(s => s.IsAllow).SelectMany(s =>
            s.HasNotAction
                ? [$"{s.Source}: Allow with NotAction grants everything else"]
                : s.Actions.Where(a => a.Contains('*', StringComparison.Ordinal)).Select(a => $"{s.Source}: wildcard action {a}")),
    ];

    /// <summary>
    /// No Allow statement has <c>Resource: "*"</c> (or any resource of a service, <c>arn:...:*</c>), nor NotResource,
    /// unless all its actions are in <see cref="ActionsWithoutResourceLevelPermissions"/>.
    /// </summary>
    public static IReadOnlyList<string> WildcardResources(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        foreach (var statement in template.PolicyStatements().Where(s => s.IsAllow))
        {
            if (statement.HasNotResource)
            {
                violations.Add($"{statement.Source}: Allow with NotResource");
                continue;
            }

            var exempt = statement.Actions.All(ActionsWithoutResourceLevelPermissions.Contains);
            foreach (var resource in statement.Resources.Where(IsAnyResource))
            {
                if (!exempt)
                {
                    violations.Add($"{statement.Source}: resource {Intrinsics.Describe(resource)} for {string.Join(", ", statement.Actions)}");
                }
            }

            if (statement.Resources.Count == 0)
            {
                violations.Add($"{statement.Source}: no Resource");
            }
        }

        return violations;
    }

    /// <summary>ecs:RunTask only on the job task definition, and only in the stack's cluster (condition ecs:cluster).</summary>
    public static IReadOnlyList<string> RunTaskScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        var runTask = template.PolicyStatements().Where(s => s.IsAllow && s.HasAction("ecs:RunTask")).ToList();
        if (!template.RoleStatements(DispatcherTaskRole).Any(s => s.IsAllow && s.HasAction("ecs:RunTask")))
        {
            violations.Add($"{DispatcherTaskRole} may not call ecs:RunTask");
        }

        foreach (var statement in runTask)
        {
            if (!statement.AttachedTo.SequenceEqual([DispatcherTaskRole]))
            {
                violations.Add($"{statement.Source}: ecs:RunTask granted to {string.Join(", ", statement.AttachedTo)}, not the dispatcher alone");
            }

            if (statement.Resources.Count == 0 || !statement.Resources.All(r => Intrinsics.RefTarget(r) == JobTaskDefinition))
            {
                violations.Add($"{statement.Source}: ecs:RunTask on {string.Join(", ", statement.Resources.Select(Intrinsics.Describe))}, not only on {JobTaskDefinition}");
            }

            var cluster = statement.ConditionValues("ecs:cluster").ToList();
            if (cluster.Count == 0 || !cluster.All(c => c.Operator is "ArnEquals" or "StringEquals" && Intrinsics.RefTarget(c.Value) == Cluster))
            {
                violations.Add($"{statement.Source}: ecs:RunTask without the condition ecs:cluster = the {Cluster} ARN");
            }
        }

        // The dispatcher follows the tasks it started (a task that stops before its job runs): tasks of this cluster only.
        var describe = template.RoleStatements(DispatcherTaskRole).Where(s => s.IsAllow && s.HasAction("ecs:DescribeTasks")).ToList();
        if (describe.Count == 0)
        {
            violations.Add($"{DispatcherTaskRole} may not call ecs:DescribeTasks");
        }

        foreach (var statement in describe)
        {
            var cluster = statement.ConditionValues("ecs:cluster").ToList();
            if (cluster.Count == 0 || !cluster.All(c => c.Operator is "ArnEquals" or "StringEquals" && Intrinsics.RefTarget(c.Value) == Cluster))
            {
                violations.Add($"{statement.Source}: ecs:DescribeTasks without the condition ecs:cluster = the {Cluster} ARN");
            }
        }

        foreach (var statement in template.PolicyStatements().Where(s => s.IsAllow && s.HasAction("ecs:TagResource")))
        {
            if (!statement.ConditionValues("ecs:CreateAction").Any(c => c.Operator == "StringEquals" && Intrinsics.Describe(c.Value) == "RunTask"))
            {
                violations.Add($"{statement.Source}: ecs:TagResource without the condition ecs:CreateAction = RunTask");
            }
        }

        return violations;
    }

    /// <summary>iam:PassRole only for the job's execution role and task role, and only by the dispatcher.</summary>
    public static IReadOnlyList<string> PassRoleScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        string[] passable = [JobExecutionRole, JobTaskRole];
        foreach (var statement in template.PolicyStatements().Where(s => s.IsAllow && s.HasAction("iam:PassRole")))
        {
            if (!statement.AttachedTo.SequenceEqual([DispatcherTaskRole]))
            {
                violations.Add($"{statement.Source}: iam:PassRole granted to {string.Join(", ", statement.AttachedTo)}, not the dispatcher alone");
            }

            foreach (var resource in statement.Resources.Where(r => !passable.Contains(Intrinsics.RefTarget(r))))
            {
                violations.Add($"{statement.Source}: iam:PassRole on {Intrinsics.Describe(resource)}, not one of {string.Join(", ", passable)}");
            }
        }

        return violations;
    }

    /// <summary>
    /// The job's task role reaches only its upload (read), its outputs, its queue and the results queue: nothing
    /// written to the temp bucket, no other bucket, queue or service.
    /// </summary>
    public static IReadOnlyList<string> JobTaskRoleScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        string[] reachable = [TempBucket, ProdBucket, JobQueue, ResultsQueue];
        foreach (var statement in template.RoleStatements(JobTaskRole).Where(s => s.IsAllow))
        {
            foreach (var resource in statement.Resources.Where(r => !reachable.Any(id => Intrinsics.Uses(r, id))))
            {
                violations.Add($"{statement.Source}: resource {Intrinsics.Describe(resource)} is neither the temp bucket, the prod bucket, the job queue nor the results queue");
            }

            foreach (var action in statement.Actions.Where(a => !a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase) && !a.StartsWith("sqs:", StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{statement.Source}: {action} is neither S3 nor SQS");
            }

            if (statement.Resources.Any(r => Intrinsics.Uses(r, TempBucket)))
            {
                foreach (var action in statement.Actions.Where(a => !JobTempBucketActions.Contains(a)))
                {
                    violations.Add($"{statement.Source}: {action} on the temp bucket (allowed there: {string.Join(", ", JobTempBucketActions)})");
                }
            }

            if (statement.Resources.Any(r => Intrinsics.Uses(r, JobQueue)))
            {
                foreach (var action in statement.Actions.Where(a => a is not ("sqs:ChangeMessageVisibility" or "sqs:DeleteMessage" or "sqs:SendMessage")))
                {
                    violations.Add($"{statement.Source}: {action} on the queue (the job only settles its own message and queues a long source's chunks)");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// The results queue is the customer's outbox: the job sends one completion event per job to it, so the job's task
    /// role may sqs:SendMessage there (SendMessageBatch needs the same action). Besides, it sends only to the job queue,
    /// where the first job of a long source queues its chunks as jobs of their own; to no other queue. Nothing in the
    /// stack may receive, delete or purge the results queue's messages (the customer's application does, with its own
    /// role), and no other role of the stack reaches it.
    /// </summary>
    public static IReadOnlyList<string> ResultsQueueScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        var job = template.RoleStatements(JobTaskRole).Where(s => s.IsAllow).ToList();
        if (!job.Any(s => s.HasAction("sqs:SendMessage") && s.Resources.Any(r => Intrinsics.RefTarget(r) == ResultsQueue)))
        {
            violations.Add($"{JobTaskRole} may not sqs:SendMessage to {ResultsQueue}");
        }

        foreach (var statement in job.Where(s => s.HasAction("sqs:SendMessage")))
        {
            foreach (var resource in statement.Resources.Where(r => Intrinsics.RefTarget(r) is not (ResultsQueue or JobQueue)))
            {
                violations.Add($"{statement.Source}: sqs:SendMessage on {Intrinsics.Describe(resource)}, not only on {ResultsQueue} (and {JobQueue} for a long source's chunks)");
            }
        }

        var onResultsQueue = template.PolicyStatements()
            .Where(s => s.IsAllow && s.Kind == PolicyKind.Identity && s.Resources.Any(r => Intrinsics.Uses(r, ResultsQueue)));
        foreach (var statement in onResultsQueue)
        {
            if (!statement.AttachedTo.SequenceEqual([JobTaskRole]))
            {
                violations.Add($"{statement.Source}: {ResultsQueue} reached by {string.Join(", ", statement.AttachedTo)}, not by the job alone");
            }

            foreach (var action in statement.Actions.Where(a => !string.Equals(a, "sqs:SendMessage", StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{statement.Source}: {action} on {ResultsQueue} (the job only sends; the customer's application receives)");
            }
        }

        return violations;
    }

    /// <summary>
    /// The job's S3 permissions stay inside its prefixes (<see cref="JobBucketPrefixes"/>): object ARNs exactly
    /// <c>${Bucket.Arn}/${Prefix}*</c>, never the whole bucket; on the bucket ARN itself only s3:ListBucket, and only
    /// with the condition s3:prefix like <c>${Prefix}*</c> (the bucket's own prefix, so one statement cannot list both).
    /// </summary>
    public static IReadOnlyList<string> JobS3Prefixes(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        foreach (var statement in template.RoleStatements(JobTaskRole).Where(s => s.IsAllow && s.HasActionOf("s3")))
        {
            foreach (var resource in statement.Resources)
            {
                foreach (var (bucket, prefix) in JobBucketPrefixes.Where(b => Intrinsics.Uses(resource, b.Key)))
                {
                    if (Intrinsics.RefTarget(resource) == bucket)
                    {
                        violations.AddRange(BucketLevelViolations(statement, bucket, prefix));
                    }
                    else if (Intrinsics.SubTemplate(resource) != $"${{{bucket}.Arn}}/${{{prefix}}}*")
                    {
                        violations.Add($"{statement.Source}: {string.Join(", ", statement.Actions)} on {Intrinsics.Describe(resource)}, not only on ${{{bucket}.Arn}}/${{{prefix}}}*");
                    }
                }
            }
        }

        return violations;
    }

    // The bucket ARN (GetAtt): listing only, and only the keys under the bucket's prefix.
    private static IEnumerable<string> BucketLevelViolations(PolicyStatement statement, string bucket, string prefix)
    {
        foreach (var action in statement.Actions.Where(a => !string.Equals(a, "s3:ListBucket", StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{statement.Source}: {action} on the whole {bucket} (only s3:ListBucket belongs on the bucket ARN)";
        }

        if (statement.HasAction("s3:ListBucket"))
        {
            var expected = $"${{{prefix}}}*";
            var prefixes = statement.ConditionValues("s3:prefix").ToList();
            if (prefixes.Count == 0 || !prefixes.All(c => c.Operator == "StringLike"
                    && Intrinsics.Items(c.Value).All(v => (Intrinsics.SubTemplate(v) ?? Intrinsics.Describe(v)) == expected)))
            {
                yield return $"{statement.Source}: s3:ListBucket on {bucket} without the condition s3:prefix like {expected}";
            }
        }
    }

    /// <summary>The queue accepts messages from the temp bucket only: S3 as principal, aws:SourceArn of that bucket, aws:SourceAccount.</summary>
    public static IReadOnlyList<string> QueuePolicyScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        var statements = template.PolicyStatements().Where(s => s.Kind == PolicyKind.Resource && s.AttachedTo.Contains(JobQueue) && s.IsAllow).ToList();
        if (statements.Count == 0)
        {
            violations.Add($"no queue policy lets the temp bucket send to {JobQueue}");
        }

        // The bucket's ARN built from its name (a Ref to the bucket would be a circular dependency).
        var bucketName = Intrinsics.SubTemplate(template.Properties(TempBucket)["BucketName"]);
        var expectedSourceArn = $"arn:${{AWS::Partition}}:s3:::{bucketName}";
        foreach (var statement in statements)
        {
            if (statement.Principal is not JsonObject { } principal || (string?)principal["Service"] != "s3.amazonaws.com")
            {
                violations.Add($"{statement.Source}: principal {Intrinsics.Describe(statement.Principal)} is not the S3 service");
            }

            if (!statement.Actions.SequenceEqual(["sqs:SendMessage"]))
            {
                violations.Add($"{statement.Source}: actions {string.Join(", ", statement.Actions)}, expected sqs:SendMessage only");
            }

            var sourceArn = statement.ConditionValues("aws:SourceArn").ToList();
            if (bucketName is null || sourceArn.Count == 0
                || !sourceArn.All(c => c.Operator is "ArnEquals" or "ArnLike" && (Intrinsics.SubTemplate(c.Value) ?? Intrinsics.Describe(c.Value)) == expectedSourceArn))
            {
                violations.Add($"{statement.Source}: no condition aws:SourceArn = {expectedSourceArn}");
            }

            var sourceAccount = statement.ConditionValues("aws:SourceAccount").ToList();
            if (sourceAccount.Count == 0 || !sourceAccount.All(c => c.Operator == "StringEquals" && Intrinsics.RefTarget(c.Value) == "AWS::AccountId"))
            {
                violations.Add($"{statement.Source}: no condition aws:SourceAccount = AWS::AccountId");
            }
        }

        return violations;
    }

    private static bool IsAnyResource(JsonNode? resource)
    {
        // ${AWS::Partition} and friends hold colons: a Sub variable counts as one ARN segment.
        var text = Regex.Replace(Intrinsics.SubTemplate(resource) ?? Intrinsics.Describe(resource), @"\$\{[^}]*\}", "x");
        return text == "*" || Regex.IsMatch(text, @"^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$") || Regex.IsMatch(text, @"^arn:[^:]*:s3:::\*");
    }
}
