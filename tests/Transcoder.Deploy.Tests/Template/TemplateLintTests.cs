using System.Text.Json.Nodes;
using Transcoder.LocalAws;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// The template through CloudFormation linters: the pinned npm cfn-lint against the resource specification of the pinned
/// @aws-cdk/cfnspec (deploy/lint/cfn-lint.js), and AWS's cfn-lint when installed.
/// </summary>
[Category("Integration")]
public sealed class TemplateLintTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_ShippedTemplate_ExitsZeroAgainstTheCfnspecSpecification(CancellationToken cancellationToken)
    {
        await EnsureNpmCfnLintAsync(cancellationToken);
        var version = JsonNode.Parse(await File.ReadAllTextAsync(DeployPaths.CfnSpec, cancellationToken))?["ResourceSpecificationVersion"]?.GetValue<string>();

        var result = await ExternalTool.RunAsync("node", [DeployPaths.NpmLintScript, DeployPaths.Template], cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("Template valid!"));
        Assert.That(result.Output, Does.Contain($"CloudFormation resource specification {version} "), "linted against the pinned package's specification");
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_DanglingGetAtt_ExitsNonZeroNamingIt(CancellationToken cancellationToken)
    {
        var template = CloudFormationTemplate.LoadShipped();
        template.Properties("JobQueue")["RedrivePolicy"]!["deadLetterTargetArn"]!["Fn::GetAtt"]![0] = "NoSuchQueue";

        var result = await LintCopyAsync(template, cancellationToken);

        // The wrapper must not hide what the linter finds.
        Assert.That(result.ExitCode, Is.Not.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("NoSuchQueue"));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_MisspelledProperty_ExitsNonZeroNamingIt(CancellationToken cancellationToken)
    {
        var template = CloudFormationTemplate.LoadShipped();
        template.Container("JobTaskDefinition", "transcode-job")["ReadOnlyRootFileSystem"] = true;

        var result = await LintCopyAsync(template, cancellationToken);

        Assert.That(result.ExitCode, Is.Not.Zero, result.Output);
        Assert.That(result.Output, Does.Contain("ReadOnlyRootFileSystem is not a valid property"));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task NpmCfnLint_PropertyUnknownToTheBundled2019Specification_Accepted(CancellationToken cancellationToken)
    {
        // Arrange: ECS Exec (2021) is in specification 117, not in the 2.29.0 that cfn-lint 1.9.7 bundles, and the
        // shipped template does not use it: passing shows the wrapper really lints against the newer specification.
        var template = CloudFormationTemplate.LoadShipped();
        template.Properties("DispatcherService")["EnableExecuteCommand"] = false;

        var result = await LintCopyAsync(template, cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
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

    private static async Task<ToolResult> LintCopyAsync(CloudFormationTemplate template, CancellationToken cancellationToken)
    {
        await EnsureNpmCfnLintAsync(cancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"transcoder-lint-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, template.Root.ToJsonString(), cancellationToken);
        try
        {
            return await ExternalTool.RunAsync("node", [DeployPaths.NpmLintScript, path], cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task EnsureNpmCfnLintAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DeployPaths.NpmCfnLintMarker) || !File.Exists(DeployPaths.CfnSpec))
        {
            // NodeTools finds the repository from the working directory when the tests were built outside it.
            Environment.CurrentDirectory = DeployPaths.Root;
        }

        // Both markers: a node_modules from before @aws-cdk/cfnspec was added has cfn-lint but not the specification.
        await NodeTools.EnsureInstalledAsync(DeployPaths.NpmCfnLintMarker, cancellationToken);
        await NodeTools.EnsureInstalledAsync(DeployPaths.CfnSpec, cancellationToken);
    }
}
