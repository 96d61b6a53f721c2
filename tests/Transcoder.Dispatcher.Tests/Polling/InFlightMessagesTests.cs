using Transcoder.Dispatcher.Polling;

namespace Transcoder.Dispatcher.Tests.Polling;

public sealed class InFlightMessagesTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Snapshot_OneEndedOneRunning_HoldsOnlyTheRunning(CancellationToken cancellationToken)
    {
        // Arrange
        var sut = new InFlightMessages();
        var running = new TaskCompletionSource();
        var ending = new TaskCompletionSource();
        sut.Track(running.Task);
        sut.Track(ending.Task);

        // Act
        ending.SetResult();
        await ending.Task.WaitAsync(cancellationToken);

        // Assert: the message that ended dropped out; shutdown waits for the other.
        Assert.That(sut.Snapshot(), Is.EqualTo(new[] { running.Task }));
        running.SetResult();
        Assert.That(sut.Snapshot(), Is.Empty);
    }
}
