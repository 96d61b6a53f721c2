using Transcoder.Dispatcher.Polling;
using Transcoder.Dispatcher.Tests.Support;

namespace Transcoder.Dispatcher.Tests.Polling;

public sealed class VisibilityRulesTests
{
    private readonly VisibilityRules _rules = new(TestOptions.Read(TestOptions.EcsSettings()));

    [TestCase(1, 30)]
    [TestCase(2, 60)]
    [TestCase(3, 120)]
    [TestCase(5, 480)]
    [TestCase(6, 900)]
    [TestCase(500, 900)]
    public void AfterFailure_GrowsWithReceiveCount_UpToTheCap(int receiveCount, int expectedSeconds)
    {
        // Act
        var delay = _rules.AfterFailure(receiveCount);

        // Assert
        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    [Test]
    public void AfterLaunch_IsTheTaskStartGrace()
    {
        // Act, Assert
        Assert.That(_rules.AfterLaunch, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(VisibilityRules.Release, Is.EqualTo(TimeSpan.Zero));
    }
}
