using Transcoder.LocalAws;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>The files the template tests read.</summary>
public static class DeployPaths
{
    public static string Root => RepoPaths.Root;

    public static string Template => Path.Combine(Root, "deploy", "transcoder.json");

    /// <summary>The wrapper that runs the pinned npm cfn-lint against the resource specification of @aws-cdk/cfnspec.</summary>
    public static string NpmLintScript => Path.Combine(Root, "deploy", "lint", "cfn-lint.js");

    /// <summary>The CloudFormation resource specification of the pinned npm package @aws-cdk/cfnspec (after <c>npm ci</c>).</summary>
    public static string CfnSpec => Path.Combine(Root, "node_modules", "@aws-cdk", "cfnspec", "spec", "specification.json");

    /// <summary>A file of the npm cfn-lint package: present once <c>npm ci</c> has run.</summary>
    public static string NpmCfnLintMarker => Path.Combine(Root, "node_modules", "cfn-lint", "lib", "index.js");
}
