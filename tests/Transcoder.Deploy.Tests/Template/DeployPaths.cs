using System.Runtime.CompilerServices;
using Transcoder.Testing;

namespace Transcoder.Deploy.Tests.Template;

/// <summary>
/// The repository root for the template tests: <see cref="RepoPaths.Root"/>, or, when the tests were built with
/// <c>ArtifactsPath</c> outside the repository (the test host then runs in that folder and RepoPaths cannot see the
/// repository), the folder above this source file that holds Transcoder.sln.
/// </summary>
public static class DeployPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());

    public static string Root => LazyRoot.Value;

    public static string Template => Path.Combine(Root, "deploy", "transcoder.json");

    /// <summary>The wrapper that runs the pinned npm cfn-lint with the properties its 2019 specification lacks.</summary>
    public static string NpmLintScript => Path.Combine(Root, "deploy", "lint", "cfn-lint.js");

    /// <summary>A file of the npm cfn-lint package: present once <c>npm ci</c> has run.</summary>
    public static string NpmCfnLintMarker => Path.Combine(Root, "node_modules", "cfn-lint", "lib", "index.js");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        try
        {
            return RepoPaths.Root;
        }
        catch (InvalidOperationException)
        {
            for (var directory = new FileInfo(sourceFile).Directory; directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Transcoder.sln")))
                {
                    return directory.FullName;
                }
            }

            throw;
        }
    }
}
