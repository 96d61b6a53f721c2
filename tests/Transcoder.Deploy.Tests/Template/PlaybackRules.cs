using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// The optional CloudFront playback as rules that return their violations (empty: the rule holds), so that tests can
/// run them on the shipped template and on copies with a typical mistake: CloudFront reads the outputs and nothing
/// else, and nothing of it exists unless the stack is deployed with <c>EnablePlayback=true</c>.
/// </summary>
public static class PlaybackRules
{
    public const string Condition = "PlaybackEnabled";
    public const string Distribution = "PlaybackDistribution";

    /// <summary>The distribution's ARN as the bucket policy must name it (a distribution has no Arn attribute).</summary>
    public const string DistributionArn = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${PlaybackDistribution}";

    /// <summary>What CloudFront may read: the objects under OutputPrefix of the prod bucket.</summary>
    public const string OutputObjects = "${ProdBucket.Arn}/${OutputPrefix}*";

    /// <summary>
    /// Every Allow statement of a bucket policy is CloudFront's read of the outputs, exactly: principal the CloudFront
    /// service, s3:GetObject only, on <see cref="OutputObjects"/> only, with the condition AWS:SourceArn = this stack's
    /// distribution (without it any distribution of any account could read the bucket through its own OAC), and only
    /// with <see cref="Condition"/>. There must be one such statement.
    /// </summary>
    public static IReadOnlyList<string> BucketReadScope(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        var buckets = template.LogicalIdsOfType("AWS::S3::Bucket");
        var allows = template.PolicyStatements()
            .Where(s => s.IsAllow && s.Kind == PolicyKind.Resource && s.AttachedTo.Any(buckets.Contains)).ToList();
        if (!allows.Any(s => s.AttachedTo.Contains(IamRules.ProdBucket) && IsCloudFront(s.Principal)))
        {
            violations.Add($"no statement of the {IamRules.ProdBucket} policy lets CloudFront read the outputs");
        }

        foreach (var statement in allows)
        {
            if (!statement.AttachedTo.SequenceEqual([IamRules.ProdBucket]))
            {
                violations.Add($"{statement.Source}: Allow on {string.Join(", ", statement.AttachedTo)}, not the {IamRules.ProdBucket} alone");
            }

            if (!IsCloudFront(statement.Principal))
            {
                violations.Add($"{statement.Source}: principal {Intrinsics.Describe(statement.Principal)} is not the CloudFront service");
            }

            if (!statement.Actions.SequenceEqual(["s3:GetObject"]))
            {
                violations.Add($"{statement.Source}: actions {string.Join(", ", statement.Actions)}, expected s3:GetObject only");
            }

            foreach (var resource in statement.Resources.Where(r => Intrinsics.SubTemplate(r) != OutputObjects))
            {
                violations.Add($"{statement.Source}: resource {Intrinsics.Describe(resource)}, not only {OutputObjects}");
            }

            var sourceArn = statement.ConditionValues("AWS:SourceArn").ToList();
            if (sourceArn.Count == 0 || !sourceArn.All(c => c.Operator is "StringEquals" or "ArnEquals" && Intrinsics.SubTemplate(c.Value) == DistributionArn))
            {
                violations.Add($"{statement.Source}: no condition AWS:SourceArn = {DistributionArn}");
            }

            if (statement.OnlyIf != Condition)
            {
                violations.Add($"{statement.Source}: in the policy {(statement.OnlyIf is null ? "always" : "when " + statement.OnlyIf)}, not only when {Condition}");
            }
        }

        return violations;
    }

    /// <summary>
    /// The CloudFront resources exist only with <see cref="Condition"/> (there must be a distribution), and nothing
    /// outside it refers to them: an unconditional resource only inside <c>Fn::If</c> on the condition, an output only
    /// with the condition. CloudFormation would refuse such a reference when playback is off.
    /// </summary>
    public static IReadOnlyList<string> OnlyWhenEnabled(CloudFormationTemplate template)
    {
        var violations = new List<string>();
        if (template.LogicalIdsOfType("AWS::CloudFront::Distribution").Count == 0)
        {
            violations.Add("the template has no CloudFront distribution");
        }

        foreach (var (id, resource) in template.Resources.Where(r => ((string?)r.Value?["Type"])?.StartsWith("AWS::CloudFront::", StringComparison.Ordinal) == true))
        {
            if ((string?)resource?["Condition"] != Condition)
            {
                violations.Add($"{id} ({(string?)resource?["Type"]}) is created without the condition {Condition}");
            }
        }

        var conditional = template.Resources.Where(r => (string?)r.Value?["Condition"] == Condition).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, resource) in template.Resources.Where(r => !conditional.Contains(r.Key)))
        {
            violations.AddRange(UnguardedUses(resource, conditional, $"Resources/{id}").Select(u => $"{u} outside Fn::If {Condition}"));
        }

        foreach (var (id, output) in template.Outputs.Where(o => (string?)o.Value?["Condition"] != Condition))
        {
            violations.AddRange(UnguardedUses(output, conditional, $"Outputs/{id}").Select(u => $"{u} in an output without the condition {Condition}"));
        }

        return violations;
    }

    private static bool IsCloudFront(JsonNode? principal) =>
        principal is JsonObject o && o.Count == 1 && Intrinsics.Items(o["Service"]).Select(Intrinsics.Describe).SequenceEqual(["cloudfront.amazonaws.com"]);

    // Where a value refers to one of the ids, skipping the true branch of an Fn::If on the condition.
    private static IEnumerable<string> UnguardedUses(JsonNode? node, IReadOnlySet<string> ids, string path)
    {
        switch (node)
        {
            case JsonObject o when o["Fn::If"] is JsonArray { Count: 3 } branches && (string?)branches[0] == Condition:
                return UnguardedUses(branches[2], ids, path + "/Fn::If[false]");
            case JsonObject o when Intrinsics.RefTarget(o) is { } target && ids.Contains(target):
                return [$"{path}: {o.ToJsonString()}"];
            case JsonObject o:
                var inSub = Intrinsics.SubTemplate(o) is { } template
                    ? Intrinsics.SubVariables(template).Where(ids.Contains).Select(v => $"{path}: ${{{v}}} in Fn::Sub")
                    : [];
                return inSub.Concat(o.SelectMany(p => UnguardedUses(p.Value, ids, $"{path}/{p.Key}")));
            case JsonArray a:
                return a.SelectMany((item, i) => UnguardedUses(item, ids, $"{path}[{i}]"));
            default:
                return [];
        }
    }
}
