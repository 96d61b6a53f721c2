using System.Net;
using Amazon.Runtime;
using Transcoder.Shared;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Hosting;

namespace Transcoder.TranscodeJob.Tests.Hosting;

public sealed class ExitCodeMappingTests
{
    [Test]
    public void For_BadInput_ExitsThreeWithTheMessage()
    {
        // Act
        var (exitCode, line) = ExitCodeMapping.For(JobException.BadInput("clip.mp4 has no video stream"), CancellationToken.None, ExitCodes.Terminated);

        // Assert
        Assert.That((exitCode, line), Is.EqualTo((ExitCodes.BadInput, "error: clip.mp4 has no video stream")));
    }

    [Test]
    public void For_Transient_ExitsFour()
    {
        // Act / Assert
        Assert.That(ExitCodeMapping.For(JobException.Transient("S3 timed out"), CancellationToken.None, ExitCodes.Terminated).ExitCode, Is.EqualTo(ExitCodes.Transient));
    }

    [TestCase(ExitCodes.Terminated)]
    [TestCase(ExitCodes.Interrupted)]
    public void For_CancelledBySignal_ExitsWithTheSignalsCode(int signalExitCode)
    {
        // Arrange
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        // Act
        var (exitCode, line) = ExitCodeMapping.For(new OperationCanceledException(stopping.Token), stopping.Token, signalExitCode);

        // Assert
        Assert.That((exitCode, line), Is.EqualTo((signalExitCode, "error: stopped by a signal")));
    }

    [Test]
    public void For_CancelledWithoutASignal_IsUnexpected()
    {
        // Act / Assert: a timeout inside a library is not the operator stopping the job.
        Assert.That(ExitCodeMapping.For(new TaskCanceledException(), CancellationToken.None, ExitCodes.Terminated).ExitCode, Is.EqualTo(ExitCodes.Unexpected));
    }

    [Test]
    public void For_AwsConfigurationError_ExitsFour()
    {
        // Act
        var (exitCode, line) = ExitCodeMapping.For(new AmazonClientException("No RegionEndpoint or ServiceURL configured"), CancellationToken.None, ExitCodes.Terminated);

        // Assert
        Assert.That((exitCode, line), Is.EqualTo((ExitCodes.Transient, "error: AWS: No RegionEndpoint or ServiceURL configured")));
    }

    [Test]
    public void For_Bug_ExitsOneWithTheTypeOnOneLine()
    {
        // Act
        var (exitCode, line) = ExitCodeMapping.For(new InvalidOperationException("first\nsecond\r\nthird"), CancellationToken.None, ExitCodes.Terminated);

        // Assert
        Assert.That((exitCode, line), Is.EqualTo((ExitCodes.Unexpected, "error: unexpected InvalidOperationException: first second third")));
    }

    [Test]
    public void For_S3ServiceErrorOutsideAStorageCall_ExitsFour()
    {
        // Act / Assert
        var error = new AmazonServiceException("Service Unavailable", ErrorType.Receiver, "ServiceUnavailable", "id", HttpStatusCode.ServiceUnavailable);
        Assert.That(ExitCodeMapping.For(error, CancellationToken.None, ExitCodes.Terminated).ExitCode, Is.EqualTo(ExitCodes.Transient));
    }
}
