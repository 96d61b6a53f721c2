using Amazon.Runtime;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.LocalAws.Ecs;

namespace Transcoder.Dispatcher.Tests.Ecs;

[Category("Integration")]
public sealed class EcsHttpApiTests
{
    [Test]
    [CancelAfter(20_000)]
    public async Task RunTaskAsync_SignedRequest_AcceptedByFakeEcs(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs();
        var sut = CreateSut(ecs, FakeEcs.SecretKey);

        // Act
        var response = await sut.RunTaskAsync(Request(), cancellationToken);

        // Assert
        Assert.That(ecs.Rejections, Is.Empty);
        Assert.That(response.Tasks!.Single().TaskArn, Does.StartWith("arn:aws:ecs:"));
        var recorded = ecs.Requests.Single();
        Assert.That(recorded.ContentType, Is.EqualTo("application/x-amz-json-1.1"));
        Assert.That(recorded.Environment("SOURCE_KEY"), Is.EqualTo("a.mp4"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunTaskAsync_WrongSecret_RejectedByTheSignatureCheck(CancellationToken cancellationToken)
    {
        // Arrange: proves the fake's SigV4 check can fail.
        await using var ecs = new FakeEcs();
        var sut = CreateSut(ecs, "another-secret");

        // Act
        var error = await Assert.ThrowsAsync<EcsApiException>(() => sut.RunTaskAsync(Request(), cancellationToken));

        // Assert
        Assert.That(error!.ErrorCode, Is.EqualTo("InvalidSignatureException"));
        Assert.That(error.IsRetryable, Is.False);
        Assert.That(ecs.Rejections.Single(), Is.EqualTo("signature does not match"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task RunTaskAsync_Throttled_ThrottlingError(CancellationToken cancellationToken)
    {
        // Arrange
        await using var ecs = new FakeEcs { Behaviour = (_, _) => FakeEcsAnswer.Throttling };
        var sut = CreateSut(ecs, FakeEcs.SecretKey);

        // Act
        var error = await Assert.ThrowsAsync<EcsApiException>(() => sut.RunTaskAsync(Request(), cancellationToken));

        // Assert
        Assert.That(error!.IsThrottling, Is.True);
        Assert.That(error.IsRetryable, Is.True);
    }

    internal static EcsHttpApi CreateSut(FakeEcs ecs, string secretKey) => new(
        EcsHttpClientFactory.Create(new BasicAWSCredentials(FakeEcs.AccessKey, secretKey), "us-east-1", TimeSpan.FromSeconds(10)),
        ecs.Endpoint);

    private static RunTaskRequest Request() => RunTaskRequestFactory.Create(
        TestLaunches.For("a.mp4"),
        TestOptions.Read(TestOptions.EcsSettings()));
}
