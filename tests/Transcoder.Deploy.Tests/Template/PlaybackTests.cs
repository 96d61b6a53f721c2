using System.Text.Json.Nodes;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The shipped template's optional CloudFront playback of the outputs.</summary>
public sealed class PlaybackTests
{
    // AWS managed policies, by the IDs their documentation gives for CloudFormation:
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html (CachingOptimized)
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html (CORS-S3Origin)
    private const string CachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private const string CorsS3Origin = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf";

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.LoadShipped();

    private JsonNode? DistributionConfig => _template.Properties(PlaybackRules.Distribution)["DistributionConfig"];

    [Test]
    public void EnablePlayback_ShippedTemplate_OffUnlessAskedFor()
    {
        var parameter = _template.Parameters["EnablePlayback"];
        var condition = _template.Root["Conditions"]?[PlaybackRules.Condition]?["Fn::Equals"];

        Assert.Multiple(() =>
        {
            Assert.That((string?)parameter?["Default"], Is.EqualTo("false"));
            Assert.That(Intrinsics.Items(parameter?["AllowedValues"]).Select(Intrinsics.Describe), Is.EquivalentTo(new[] { "true", "false" }));
            Assert.That(condition?.ToJsonString(), Is.EqualTo("""[{"Ref":"EnablePlayback"},"true"]"""));
        });
    }

    [Test]
    public void OnlyWhenEnabled_ShippedTemplate_EveryPartOfPlaybackUnderTheCondition() =>
        Assert.That(PlaybackRules.OnlyWhenEnabled(_template), Is.Empty);

    [Test]
    public void BucketReadScope_ShippedTemplate_ThisDistributionReadsTheOutputPrefixOnly() =>
        Assert.That(PlaybackRules.BucketReadScope(_template), Is.Empty);

    [Test]
    public void Distribution_ShippedTemplate_ReadsTheProdBucketThroughOriginAccessControl()
    {
        var origins = Intrinsics.Items(DistributionConfig?["Origins"]).OfType<JsonObject>().ToList();
        var oac = _template.Properties("PlaybackOriginAccessControl")["OriginAccessControlConfig"];

        Assert.Multiple(() =>
        {
            Assert.That(origins, Has.Count.EqualTo(1));
            var origin = origins.Single();
            Assert.That(origin["DomainName"]?.ToJsonString(), Is.EqualTo("""{"Fn::GetAtt":["ProdBucket","RegionalDomainName"]}"""));
            Assert.That(Intrinsics.RefTarget(origin["OriginAccessControlId"]), Is.EqualTo("PlaybackOriginAccessControl"));

            // An empty OriginAccessIdentity: the legacy OAI is off, the OAC signs instead.
            Assert.That((string?)origin["S3OriginConfig"]?["OriginAccessIdentity"], Is.Empty);
            Assert.That((string?)oac?["SigningBehavior"], Is.EqualTo("always"));
            Assert.That((string?)oac?["SigningProtocol"], Is.EqualTo("sigv4"));
            Assert.That((string?)oac?["OriginAccessControlOriginType"], Is.EqualTo("s3"));
        });
    }

    [Test]
    public void Distribution_ShippedTemplate_HttpsOnlyManagedPoliciesReadOnly()
    {
        var behavior = DistributionConfig?["DefaultCacheBehavior"];
        var methods = Intrinsics.Items(behavior?["AllowedMethods"]).Select(Intrinsics.Describe).ToList();

        Assert.Multiple(() =>
        {
            // HTTPS to the viewer, and so to S3 too (CloudFront uses the viewer's protocol with an S3 origin): the
            // bucket policy denies plain HTTP.
            Assert.That((string?)behavior?["ViewerProtocolPolicy"], Is.EqualTo("redirect-to-https"));
            Assert.That((string?)behavior?["CachePolicyId"], Is.EqualTo(CachingOptimized));
            Assert.That((string?)behavior?["OriginRequestPolicyId"], Is.EqualTo(CorsS3Origin));
            Assert.That(Intrinsics.RefTarget(behavior?["ResponseHeadersPolicyId"]), Is.EqualTo("PlaybackResponseHeadersPolicy"));
            Assert.That(methods, Is.SupersetOf(new[] { "GET", "HEAD" }).And.SubsetOf(new[] { "GET", "HEAD", "OPTIONS" }));
        });
    }

    [Test]
    public void ResponseHeadersPolicy_ShippedTemplate_AnySiteMayGetAndHead()
    {
        // Players on other sites fetch playlists and byte ranges with XHR/fetch: a CORS request from any origin.
        var cors = _template.Properties("PlaybackResponseHeadersPolicy")["ResponseHeadersPolicyConfig"]?["CorsConfig"];

        Assert.Multiple(() =>
        {
            Assert.That(Intrinsics.Items(cors?["AccessControlAllowOrigins"]?["Items"]).Select(Intrinsics.Describe), Is.EqualTo(new[] { "*" }));
            Assert.That(Intrinsics.Items(cors?["AccessControlAllowMethods"]?["Items"]).Select(Intrinsics.Describe), Is.SupersetOf(new[] { "GET", "HEAD" }));
            Assert.That(cors?["AccessControlAllowCredentials"]?.GetValue<bool>(), Is.False, "no cookies: the outputs are public to whoever has the URL");
        });
    }

    [Test]
    public void ProdBucketCors_ShippedTemplate_GetAndHeadFromAnySiteOnlyWithPlayback()
    {
        // S3 answers the preflight of a Range request (forwarded by CORS-S3Origin) only with a CORS configuration.
        var branches = Intrinsics.Branches(_template.Properties(IamRules.ProdBucket)["CorsConfiguration"]).ToList();
        var rules = branches.SelectMany(b => Intrinsics.Items(b.Value["CorsRules"])).OfType<JsonObject>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(branches.Select(b => b.Condition), Is.EqualTo(new[] { PlaybackRules.Condition }));
            Assert.That(rules.SelectMany(r => Intrinsics.Items(r["AllowedOrigins"])).Select(Intrinsics.Describe), Is.EqualTo(new[] { "*" }));
            Assert.That(rules.SelectMany(r => Intrinsics.Items(r["AllowedMethods"])).Select(Intrinsics.Describe), Is.EquivalentTo(new[] { "GET", "HEAD" }));
        });
    }

    [Test]
    public void PlaybackBaseUrl_ShippedTemplate_HttpsDomainThenOutputPrefix()
    {
        var output = _template.Outputs["PlaybackBaseUrl"];

        Assert.Multiple(() =>
        {
            Assert.That((string?)output?["Condition"], Is.EqualTo(PlaybackRules.Condition));
            Assert.That(Intrinsics.SubTemplate(output?["Value"]), Is.EqualTo("https://${PlaybackDistribution.DomainName}/${OutputPrefix}"));
        });
    }
}
