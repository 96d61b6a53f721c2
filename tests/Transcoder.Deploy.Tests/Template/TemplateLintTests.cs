using Transcoder.LocalAws;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The template through CloudFormation linters: the pinned npm cfn-lint, and AWS's cfn-lint when installed.</summary>
[Category("Integration")]
public sealed class TemplateLintTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_ShippedTemplate_ExitsZero(CancellationToken cancellationToken)
    {
        await EnsureNpmCfnLintAsync(cancellationToken);

        var result = await ExternalTool.RunAsync("node", [DeployPaths.NpmLintScript, DeployPaths.Template], cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("Template valid!"));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_DanglingGetAtt_ExitsNonZeroNamingIt(CancellationToken cancellationToken)
    {
        await EnsureNpmCfnLintAsync(cancellationToken);
        var template = CloudFormationTemplate.LoadShipped();
        template.Properties("JobQueue")["RedrivePolicy"]!["deadLetterTargetArn"]!["Fn::GetAtt"]![0] = "NoSuchQueue";
        var path = Path.Combine(Path.GetTempPath(), $"transcoder-lint-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, template.Root.ToJsonString(), cancellationToken);
        try
        {
            var result = await ExternalTool.RunAsync("node", [DeployPaths.NpmLintScript, path], cancellationToken);

            // The wrapper must not hide what the linter finds.
            Assert.That(result.ExitCode, Is.Not.Zero, result.Output);
            Assert.That(result.Output, Does.Contain("NoSuchQueue"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// AWS's own cfn-lint (Python, current resource specification; checks far more than the npm package) when it is on
    /// PATH, as on the project's machines; it cannot be installed from the registries the project reaches, so without it
    /// the test is skipped on a developer's machine, but in CI (<c>CI=true</c>) a missing linter fails the run: a CI
    /// that silently lints nothing is worse than one that says so. Exit 0 means no error, no warning and no
    /// informational finding.
    /// </summary>
    [Test]
    [CancelAfter(120_000)]
    public async Task AwsCfnLint_ShippedTemplate_ExitsZero(CancellationToken cancellationToken)
    {
        if (!await ExternalTool.ExistsAsync("cfn-lint", "--version", cancellationToken))
        {
            MissingLinter.Report("cfn-lint (Python, aws-cloudformation/cfn-lint) is not on PATH", Environment.GetEnvironmentVariable("CI"));
        }

        var result = await ExternalTool.RunAsync("cfn-lint", [DeployPaths.Template], cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
    }

    private static async Task EnsureNpmCfnLintAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DeployPaths.NpmCfnLintMarker))
        {
            // NodeTools finds the repository from the working directory when the tests were built outside it.
            Environment.CurrentDirectory = DeployPaths.Root;
        }

        await NodeTools.EnsureInstalledAsync(DeployPaths.NpmCfnLintMarker, cancellationToken);
    }
}
