using Transcoder.Shared.Jobs;

namespace Transcoder.Shared.Tests.Jobs;

public sealed class S3UriTests
{
    [TestCase("s3://bucket/key.mp4", "bucket", "key.mp4")]
    [TestCase("s3://bucket/a/b c?d#e%20.mp4", "bucket", "a/b c?d#e%20.mp4")]
    [TestCase("S3://bucket/", "bucket", "")]
    [TestCase("s3://bucket", "bucket", "")]
    public void TryParse_S3Uri_SplitsAtTheFirstSlashOnly(string uri, string bucket, string key)
    {
        // Act
        var parsed = S3Uri.TryParse(uri, out var parsedBucket, out var parsedKey);

        // Assert
        Assert.That(parsed, Is.True);
        Assert.That((parsedBucket, parsedKey), Is.EqualTo((bucket, key)));
    }

    [TestCase("s3:///key")]
    [TestCase("/local/file.mp4")]
    [TestCase("https://bucket.s3.amazonaws.com/key")]
    public void TryParse_NotAnS3Object_IsFalse(string uri)
    {
        // Act / Assert
        Assert.That(S3Uri.TryParse(uri, out _, out _), Is.False);
    }

    [TestCase("videos", "videos/")]
    [TestCase("/videos/", "videos/")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Create_Prefix_IsNormalised(string? prefix, string expected)
    {
        // Act / Assert
        Assert.That(S3Output.Create("prod", prefix).Prefix, Is.EqualTo(expected));
    }
}
