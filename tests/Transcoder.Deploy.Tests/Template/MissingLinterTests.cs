using NUnit.Framework.Internal;

namespace Transcoder.Deploy.Tests.Template;

public sealed class MissingLinterTests
{
    [TestCase("true")]
    [TestCase("TRUE")]
    [TestCase("1")]
    public void Report_InCi_Fails(string ci)
    {
        // Act
        var outcome = Outcome(() => MissingLinter.Report("cfn-lint is not on PATH", ci));

        // Assert
        Assert.That(outcome, Is.InstanceOf<AssertionException>());
    }

    [TestCase(null)]
    [TestCase("false")]
    public void Report_OutsideCi_Ignored(string? ci)
    {
        // Act
        var outcome = Outcome(() => MissingLinter.Report("cfn-lint is not on PATH", ci));

        // Assert
        Assert.That(outcome, Is.InstanceOf<IgnoreException>());
    }

    // Runs an assertion in an isolated context so its outcome can be inspected instead of ending this test.
    private static Exception? Outcome(Action action)
    {
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                action();
                return null;
            }
            catch (ResultStateException exception)
            {
                return exception;
            }
        }
    }
}
