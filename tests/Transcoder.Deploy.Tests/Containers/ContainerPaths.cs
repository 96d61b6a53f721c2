using Transcoder.LocalAws;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>Repository-relative paths for the container tests.</summary>
public static class ContainerPaths
{
    public static string Root => RepoPaths.Root;

    public static string Combine(string repoRelativePath) => Path.Combine(Root, repoRelativePath);
}
