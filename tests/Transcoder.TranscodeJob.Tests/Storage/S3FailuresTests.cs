using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Tests.Storage;

public sealed class S3FailuresTests
{
    private static AmazonS3Exception S3Error(HttpStatusCode status, string code) =>
        new("message", ErrorType.Sender, code, "request-id", status);

    [Test]
    public void Classify_NoSuchKeyOnTheSource_IsBadInput()
    {
        // Act
        var failure = S3Failures.Classify(S3Error(HttpStatusCode.NotFound, "NoSuchKey"), "s3://b/k");

        // Assert
        Assert.That(failure!.IsRetryable, Is.False);
        Assert.That(failure.Message, Is.EqualTo("s3://b/k does not exist"));
    }

    [Test]
    public void Classify_MissingOutputBucket_IsTransientSoTheMessageIsNotLost()
    {
        // Act
        var failure = S3Failures.Classify(S3Error(HttpStatusCode.NotFound, "NoSuchBucket"), "s3://prod/x/", missingIsBadInput: false);

        // Assert
        Assert.That(failure!.IsRetryable, Is.True);
    }

    [TestCase(HttpStatusCode.InternalServerError, "InternalError")]
    [TestCase(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [TestCase(HttpStatusCode.Forbidden, "AccessDenied")]
    public void Classify_ServerOrPermissionTrouble_IsTransient(HttpStatusCode status, string code)
    {
        // Act / Assert
        Assert.That(S3Failures.Classify(S3Error(status, code), "s3://b/k")!.IsRetryable, Is.True);
    }

    [Test]
    public void Classify_NetworkFailure_IsTransient()
    {
        // Act / Assert
        Assert.That(S3Failures.Classify(new HttpRequestException("connection refused"), "s3://b/k")!.IsRetryable, Is.True);
        Assert.That(S3Failures.Classify(new IOException("reset"), "s3://b/k")!.IsRetryable, Is.True);
    }

    [Test]
    public void Classify_NotAStorageFailure_LetsItTravel()
    {
        // Act / Assert: cancellation and bugs are not storage failures.
        Assert.That(S3Failures.Classify(new OperationCanceledException(), "s3://b/k"), Is.Null);
        Assert.That(S3Failures.Classify(new NullReferenceException(), "s3://b/k"), Is.Null);
    }
}
