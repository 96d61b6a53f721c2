using System.Reflection;

namespace Transcoder.Shared.Tests;

public sealed class ExitCodesTests
{
    // The one table from exit code to message fate; SqsMessageLease settles by it and docs/job.md's table says the same.
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

    [Test]
    public void Meanings_EveryExitCode_HasWordsForTheHelpText()
    {
        // Arrange
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!);

        // Act / Assert
        Assert.That(ExitCodes.Meanings.Keys, Is.EquivalentTo(codes));
    }

    [Test]
    public void HelpLine_Meanings_EveryCodeInOrder()
    {
        // Act
        var line = ExitCodes.HelpLine(new Dictionary<int, string> { [ExitCodes.Usage] = "usage error", [ExitCodes.Success] = "done" });

        // Assert
        Assert.That(line, Is.EqualTo("Exit codes: 0 done; 2 usage error."));
    }
}
