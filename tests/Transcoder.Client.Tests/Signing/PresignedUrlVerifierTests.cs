using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Transcoder.LocalAws.S3;

namespace Transcoder.Client.Tests.Signing;

/// <summary>
/// The signature check that stands in for S3's (the emulator has none) refuses what S3 refuses: without these, a
/// client test passing through it would prove nothing.
/// </summary>
public sealed class PresignedUrlVerifierTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "secret-of-the-test";
    private const string HostileKey = "uploads/my clip+ü #1.mp4";

    private static readonly Dictionary<string, string> Metadata = new() { ["renditions"] = "720p,360p", ["passthrough"] = "order 42" };

    private static AmazonS3Client Client(string secretKey = SecretKey) => new(
        new BasicAWSCredentials(AccessKey, secretKey),
        new AmazonS3Config { ServiceURL = "http://127.0.0.1:9/", ForcePathStyle = true, AuthenticationRegion = "eu-west-1" });

    private static async Task<Uri> PutUrlAsync(string secretKey = SecretKey, int seconds = 900)
    {
        using var s3 = Client(secretKey);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = "temp-bucket", Key = HostileKey, Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddSeconds(seconds), Protocol = Protocol.HTTP,
        };
        foreach (var (name, value) in Metadata)
        {
            request.Metadata[name] = value;
        }

        return new Uri(await s3.GetPreSignedURLAsync(request));
    }

    private static PresignedRequestProblem? Verify(Uri url, Dictionary<string, string> headers, DateTimeOffset? at = null) =>
        PresignedUrlVerifier.Verify("PUT", url, headers, key => key == AccessKey ? SecretKey : null, at ?? DateTimeOffset.UtcNow);

    private static Dictionary<string, string> SignedHeaders() => new()
    {
        ["x-amz-meta-renditions"] = "720p,360p",
        ["x-amz-meta-passthrough"] = "order 42",
        ["Content-Length"] = "3",
    };

    [Test]
    public async Task Verify_SdkPutUrlWithTheSignedMetadata_IsAccepted()
    {
        // Arrange
        var url = await PutUrlAsync();

        // Act
        var problem = Verify(url, SignedHeaders());

        // Assert
        Assert.That(problem, Is.Null);
        Assert.That(url.Query, Does.Contain("X-Amz-SignedHeaders=host%3Bx-amz-meta-passthrough%3Bx-amz-meta-renditions"));
    }

    [Test]
    public async Task Verify_MetadataValueChanged_SignatureDoesNotMatch()
    {
        // Arrange
        var url = await PutUrlAsync();
        var headers = SignedHeaders();
        headers["x-amz-meta-renditions"] = "1080p";

        // Act
        var problem = Verify(url, headers);

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task Verify_SignedMetadataHeaderLeftOut_IsRefused()
    {
        // Arrange
        var url = await PutUrlAsync();
        var headers = SignedHeaders();
        headers.Remove("x-amz-meta-passthrough");

        // Act
        var problem = Verify(url, headers);

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(problem?.Message, Does.Contain("x-amz-meta-passthrough"));
    }

    [Test]
    public async Task Verify_UnsignedMetadataHeaderAdded_IsRefused()
    {
        // Arrange
        var url = await PutUrlAsync();
        var headers = SignedHeaders();
        headers["x-amz-meta-formats"] = "mp4";

        // Act
        var problem = Verify(url, headers);

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("AccessDenied"));
        Assert.That(problem?.Message, Does.Contain("not signed"));
    }

    [Test]
    public async Task Verify_AfterTheUrlsLife_HasExpired()
    {
        // Arrange
        var url = await PutUrlAsync(seconds: 60);

        // Act
        var justBefore = Verify(url, SignedHeaders(), DateTimeOffset.UtcNow.AddSeconds(55));
        var after = Verify(url, SignedHeaders(), DateTimeOffset.UtcNow.AddSeconds(65));

        // Assert
        Assert.That(justBefore, Is.Null);
        Assert.That(after, Is.EqualTo(new PresignedRequestProblem("AccessDenied", "Request has expired")));
    }

    [Test]
    public async Task Verify_SignedWithAnotherSecret_SignatureDoesNotMatch()
    {
        // Arrange
        var url = await PutUrlAsync(secretKey: "not-the-secret");

        // Act
        var problem = Verify(url, SignedHeaders());

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task Verify_PathChanged_SignatureDoesNotMatch()
    {
        // Arrange: the same signature on another key.
        var url = new Uri((await PutUrlAsync()).ToString().Replace("uploads/", "other/", StringComparison.Ordinal));

        // Act
        var problem = Verify(url, SignedHeaders());

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public void Verify_NoQuerySignature_IsRefused()
    {
        // Act
        var problem = Verify(new Uri("http://127.0.0.1:9/temp-bucket/a.mp4"), []);

        // Assert
        Assert.That(problem?.Code, Is.EqualTo("AccessDenied"));
    }
}
