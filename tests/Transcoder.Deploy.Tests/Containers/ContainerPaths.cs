using System.Runtime.CompilerServices;
using Transcoder.Testing;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// The repository root for the container tests: <see cref="RepoPaths.Root"/>, and when the tests were built with
/// <c>ArtifactsPath</c> outside the repository (the test host then runs in that folder, so RepoPaths cannot see the
/// repository), the folder above this source file that holds Transcoder.sln.
/// </summary>
public static class ContainerPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());

    public static string Root => LazyRoot.Value;

    public static string Combine(string repoRelativePath) => Path.Combine(Root, repoRelativePath);

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
