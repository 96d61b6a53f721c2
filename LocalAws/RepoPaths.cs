using System.Runtime.CompilerServices;

namespace Transcoder.LocalAws;

/// <summary>Locations in the repository, found from the test binaries upwards (artifacts/ lives inside it).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());

    public static string Root => LazyRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    // The binaries' folder first; built with ArtifactsPath outside the repository, the folder this file was compiled
    // from (the test host then runs outside the repository), and last the working directory.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        string[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty, Environment.CurrentDirectory];
        foreach (var start in starts.Where(Directory.Exists))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Transcoder.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Transcoder.sln not found above {string.Join(", ", starts)}");
    }
}
