namespace Transcoder.Shared.Tests;

public sealed class ExitCodesTests
{
    // The one table from exit code to message fate; SqsMessageLease settles by it and the README's table says the same.
    [TestCase(ExitCodes.Success, MessageFate.Delete)]
    [TestCase(ExitCodes.BadInput, MessageFate.Delete)]
    [TestCase(ExitCodes.Usage, MessageFate.ReleaseTowardsDeadLetter)]
    [TestCase(ExitCodes.Transient, MessageFate.Release)]
    [TestCase(ExitCodes.Unexpected, MessageFate.Release)]
    [TestCase(ExitCodes.Terminated, MessageFate.Release)]
    [TestCase(ExitCodes.Interrupted, MessageFate.Release)]
    [TestCase(137, MessageFate.Release)]
    public void FateOf_ExitCode_IsTheDocumentedFate(int exitCode, MessageFate fate)
    {
        // Act / Assert
        Assert.That(ExitCodes.FateOf(exitCode), Is.EqualTo(fate));
    }
}
