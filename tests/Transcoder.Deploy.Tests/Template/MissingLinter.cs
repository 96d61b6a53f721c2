namespace Transcoder.Deploy.Tests.Template;

/// <summary>What a missing external linter means: skipped on a developer's machine, a failure in CI.</summary>
internal static class MissingLinter
{
    /// <summary>Fails when <paramref name="ciVariable"/> (the <c>CI</c> environment variable) is <c>true</c>, else ignores.</summary>
    public static void Report(string what, string? ciVariable)
    {
        if (string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase) || ciVariable == "1")
        {
            Assert.Fail($"{what}; CI=true, so a missing linter fails the run (install it on the CI image)");
        }

        Assert.Ignore(what);
    }
}
