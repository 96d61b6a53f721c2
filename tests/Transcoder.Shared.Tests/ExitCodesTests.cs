namespace Transcoder.Shared.Tests;

public sealed class ExitCodesTests
{
    [TestCase(ExitCodes.Success, false)]
    [TestCase(ExitCodes.Usage, false)]
    [TestCase(ExitCodes.BadInput, false)]
    [TestCase(ExitCodes.Transient, true)]
    [TestCase(ExitCodes.Unexpected, true)]
    [TestCase(ExitCodes.Terminated, true)]
    [TestCase(ExitCodes.Interrupted, true)]
    [TestCase(137, true)]
    public void IsRetryable_ExitCode_MatchesTheMessageRules(int exitCode, bool retryable)
    {
        // Act / Assert
        Assert.That(ExitCodes.IsRetryable(exitCode), Is.EqualTo(retryable));
    }
}
