using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Transcoder.Dispatcher.Ecs;
using Transcoder.Dispatcher.Metrics;
using Transcoder.Dispatcher.Polling;
using Transcoder.Dispatcher.Tests.Support;

namespace Transcoder.Dispatcher.Tests.Ecs;

/// <summary>A task that never starts is noticed at the next DescribeTasks, not when the 300 s grace runs out.</summary>
public sealed class TaskStartWatchTests
{
    private const string QueueUrl = "http://127.0.0.1:1/000000000000/uploads";
    private const string TaskArn = "arn:aws:ecs:us-east-1:123456789012:task/transcoder/0f1e2d3c";

    private readonly Mock<IEcsApi> _ecs = new(MockBehavior.Strict);
    private readonly Mock<IAmazonSQS> _sqs = new(MockBehavior.Strict);
    private readonly Mock<ILogger<TaskStartWatch>> _logger = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly DispatchMetrics _metrics = new();

    private TaskStartWatch CreateSut()
    {
        _logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var options = TestOptions.Read(TestOptions.EcsSettings(QueueUrl));
        return new TaskStartWatch(_ecs.Object, _sqs.Object, options, new VisibilityRules(options), _metrics, _time, _logger.Object);
    }

    private static ReceivedMessage Message(int receiveCount = 1) => new("m-1", "receipt-1", "{}", receiveCount, null);

    private void Describe(EcsTaskDescription task) =>
        _ecs.Setup(e => e.DescribeTasksAsync(It.Is<DescribeTasksRequest>(r => r.Cluster == "transcoder" && r.Tasks.SequenceEqual(new[] { TaskArn })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeTasksResponse { Tasks = [task] });

    [Test]
    public async Task CheckAsync_StoppedBeforeItsContainerRan_LogsTheReasonAndBacksTheMessageOff()
    {
        // Arrange: the second receive of this upload; ECS could not pull the image.
        Describe(new EcsTaskDescription(TaskArn, "STOPPED", "TaskFailedToStart", "CannotPullContainerError: ref not found",
            [new EcsContainerState("transcode-job", null, null, "STOPPED")]));
        _sqs.Setup(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 60, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeMessageVisibilityResponse());
        var sut = CreateSut();
        sut.Track(TaskArn, Message(receiveCount: 2), "job-1");

        // Act
        await sut.CheckAsync(CancellationToken.None);

        // Assert: back after the failed-launch backoff (30 s × 2), not after the 300 s grace; the receive counts.
        _sqs.Verify(s => s.ChangeMessageVisibilityAsync(QueueUrl, "receipt-1", 60, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(sut.Count, Is.Zero);
        Assert.That(_metrics.TakeSnapshot().Failed, Is.EqualTo(1));
        _logger.Verify(l => l.Log(
            LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => $"{state}".Contains("CannotPullContainerError", StringComparison.Ordinal)),
            It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [TestCase("RUNNING", null)]
    [TestCase("STOPPED", 0)]
    [TestCase("STOPPED", 143)]
    public async Task CheckAsync_JobRunsOrRan_LeftToTheJobAndNoLongerFollowed(string lastStatus, int? exitCode)
    {
        // Arrange: the job settles its own message (a fast job may already have stopped).
        Describe(new EcsTaskDescription(TaskArn, lastStatus, exitCode is null ? null : "EssentialContainerExited", null,
            [new EcsContainerState("transcode-job", exitCode, null, lastStatus)]));
        var sut = CreateSut();
        sut.Track(TaskArn, Message(), "job-1");

        // Act
        await sut.CheckAsync(CancellationToken.None);

        // Assert
        _sqs.VerifyNoOtherCalls();
        Assert.That(sut.Count, Is.Zero);
    }

    [Test]
    public async Task CheckAsync_StillProvisioningOrEcsUnreachable_KeptUntilTheGraceEnds()
    {
        // Arrange
        var calls = 0;
        _ecs.Setup(e => e.DescribeTasksAsync(It.IsAny<DescribeTasksRequest>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++calls == 1
                ? Task.FromResult(new DescribeTasksResponse { Tasks = [new EcsTaskDescription(TaskArn, "PROVISIONING", null, null, [])] })
                : Task.FromException<DescribeTasksResponse>(new HttpRequestException("connection refused")));
        var sut = CreateSut();
        sut.Track(TaskArn, Message(), "job-1");

        // Act / Assert: followed while starting and while ECS cannot answer, dropped once the grace (300 s) is over.
        await sut.CheckAsync(CancellationToken.None);
        await sut.CheckAsync(CancellationToken.None);
        Assert.That(sut.Count, Is.EqualTo(1));
        _time.Advance(TimeSpan.FromSeconds(300));
        await sut.CheckAsync(CancellationToken.None);
        Assert.That(sut.Count, Is.Zero);
        Assert.That(calls, Is.EqualTo(2), "no call for a task whose grace is over");
        _sqs.VerifyNoOtherCalls();
    }
}
