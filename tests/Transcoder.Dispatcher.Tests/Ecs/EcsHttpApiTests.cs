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
    public async Task DescribeTasksAsync_StartedAndUnknownTasks_StatesAndMissingAsEcsAnswers(CancellationToken cancellationToken)
    {
        // Arrange: one task started, its image cannot be pulled.
        await using var ecs = new FakeEcs { TaskState = _ => FakeTaskState.ImagePullFailed };
        var sut = CreateSut(ecs, FakeEcs.SecretKey);
        var arn = (await sut.RunTaskAsync(Request(), cancellationToken)).Tasks!.Single().TaskArn!;

        // Act
        var described = await sut.DescribeTasksAsync(new DescribeTasksRequest("transcoder", [arn, "arn:aws:ecs:us-east-1:0:task/fake/gone"]), cancellationToken);

        // Assert: signed like RunTask; the stop code, reason and a container that never ran.
        Assert.That(ecs.Rejections, Is.Empty);
        var task = described.Tasks!.Single();
        Assert.That((task.TaskArn, task.LastStatus, task.StopCode), Is.EqualTo((arn, "STOPPED", "TaskFailedToStart")));
        Assert.That(task.StoppedReason, Does.StartWith("CannotPullContainerError"));
        Assert.That(task.Containers!.Single().ExitCode, Is.Null);
        Assert.That(described.Failures!.Single().Reason, Is.EqualTo("MISSING"));
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
