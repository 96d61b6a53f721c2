namespace Transcoder.Testing;

/// <summary>Locations in the repository, found from the test binaries upwards (artifacts/ lives inside it).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Transcoder.sln")))
            {
                return directory.FullName;
            }
        }

        // Built with ArtifactsPath outside the repository: fall back to the working directory's ancestors.
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Transcoder.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Transcoder.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }
}
