using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// Each playback rule on a copy of the shipped template with one typical mistake: the rule must report it (a rule
/// that passes on anything would make <see cref="PlaybackTests"/> worthless).
/// </summary>
public sealed class PlaybackRulesMutationTests
{
    private const string ReadOutputs = "ProdBucketPolicy#PlaybackDistributionReadsOutputs";

    private CloudFormationTemplate _template = null!;

    // NUnit keeps one fixture instance for all its tests: a fresh copy for each mutation.
    [SetUp]
    public void LoadFreshCopy() => _template = CloudFormationTemplate.LoadShipped().Clone();

    /// <summary>The live statement (changing it changes <see cref="_template"/>).</summary>
    private JsonObject ReadStatement => _template.PolicyStatements().Single(s => s.Source == ReadOutputs).Json;

    /// <summary>The prod bucket policy's list of statements, with the playback statement still wrapped in its Fn::If.</summary>
    private JsonArray ProdBucketStatements => _template.Properties("ProdBucketPolicy")["PolicyDocument"]!["Statement"]!.AsArray();

    private JsonObject GuardedReadStatement => ProdBucketStatements.OfType<JsonObject>().Single(s => s.ContainsKey("Fn::If"));

    [Test]
    public void BucketReadScope_SourceArnConditionRemoved_Reported()
    {
        // Without it, a distribution of any account could read the bucket by pointing its own OAC at it.
        ReadStatement.Remove("Condition");

        Assert.That(PlaybackRules.BucketReadScope(_template), Is.EqualTo(new[]
        {
            $"{ReadOutputs}: no condition AWS:SourceArn = {PlaybackRules.DistributionArn}",
        }));
    }

    [Test]
    public void BucketReadScope_AnyDistribution_Reported()
    {
        ReadStatement["Condition"] = new JsonObject
        {
            ["StringLike"] = new JsonObject { ["AWS:SourceArn"] = new JsonObject { ["Fn::Sub"] = "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/*" } },
        };

        Assert.That(PlaybackRules.BucketReadScope(_template), Has.One.Contains("no condition AWS:SourceArn"));
    }

    [Test]
    public void BucketReadScope_WholeBucket_Reported()
    {
        ReadStatement["Resource"] = new JsonObject { ["Fn::Sub"] = "${ProdBucket.Arn}/*" };

        Assert.That(PlaybackRules.BucketReadScope(_template), Is.EqualTo(new[]
        {
            $"{ReadOutputs}: resource {{\"Fn::Sub\":\"${{ProdBucket.Arn}}/*\"}}, not only {PlaybackRules.OutputObjects}",
        }));
    }

    [Test]
    public void BucketReadScope_ListBucketToo_Reported()
    {
        ReadStatement["Action"] = new JsonArray("s3:GetObject", "s3:ListBucket");

        Assert.That(PlaybackRules.BucketReadScope(_template), Has.One.Contains("actions s3:GetObject, s3:ListBucket, expected s3:GetObject only"));
    }

    [Test]
    public void BucketReadScope_PublicPrincipal_Reported()
    {
        ReadStatement["Principal"] = "*";

        Assert.That(PlaybackRules.BucketReadScope(_template), Has.Some.Contains("principal * is not the CloudFront service"));
    }

    [Test]
    public void BucketReadScope_StatementAlwaysInThePolicy_Reported()
    {
        // The Fn::If unwrapped: the policy would name a distribution that does not exist when playback is off.
        var index = ProdBucketStatements.IndexOf(GuardedReadStatement);
        ProdBucketStatements[index] = GuardedReadStatement["Fn::If"]![1]!.DeepClone();

        Assert.Multiple(() =>
        {
            Assert.That(PlaybackRules.BucketReadScope(_template), Is.EqualTo(new[]
            {
                $"{ReadOutputs}: in the policy always, not only when {PlaybackRules.Condition}",
            }));
            Assert.That(PlaybackRules.OnlyWhenEnabled(_template), Has.One.StartsWith("Resources/ProdBucketPolicy/Properties/PolicyDocument/Statement[1]"));
        });
    }

    [Test]
    public void BucketReadScope_StatementRemoved_Reported()
    {
        ProdBucketStatements.Remove(GuardedReadStatement);

        Assert.That(PlaybackRules.BucketReadScope(_template), Is.EqualTo(new[]
        {
            "no statement of the ProdBucket policy lets CloudFront read the outputs",
        }));
    }

    [Test]
    public void OnlyWhenEnabled_DistributionAlwaysCreated_Reported()
    {
        _template.Resource(PlaybackRules.Distribution).Remove("Condition");

        Assert.That(PlaybackRules.OnlyWhenEnabled(_template), Has.One.EqualTo(
            $"PlaybackDistribution (AWS::CloudFront::Distribution) is created without the condition {PlaybackRules.Condition}"));
    }

    [Test]
    public void OnlyWhenEnabled_OutputWithoutCondition_Reported()
    {
        _template.Outputs["PlaybackBaseUrl"]!.AsObject().Remove("Condition");

        Assert.That(PlaybackRules.OnlyWhenEnabled(_template), Is.EqualTo(new[]
        {
            $"Outputs/PlaybackBaseUrl/Value: ${{PlaybackDistribution}} in Fn::Sub in an output without the condition {PlaybackRules.Condition}",
        }));
    }

    [Test]
    public void OnlyWhenEnabled_NoDistribution_Reported()
    {
        foreach (var id in _template.LogicalIdsOfType("AWS::CloudFront::Distribution"))
        {
            _template.Resources.Remove(id);
        }

        Assert.That(PlaybackRules.OnlyWhenEnabled(_template), Has.One.EqualTo("the template has no CloudFront distribution"));
    }
}
