using System.Xml.Linq;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>What the container tests read from a .csproj: its assembly name and project references.</summary>
public sealed class ProjectFile
{
    private readonly XDocument _document;

    private ProjectFile(string repoRelativePath, XDocument document)
    {
        RepoRelativePath = repoRelativePath;
        _document = document;
    }

    /// <summary>The path from the repository root, with <c>/</c>.</summary>
    public string RepoRelativePath { get; }

    /// <summary>The <c>AssemblyName</c> property, or the file name as MSBuild defaults it.</summary>
    public string AssemblyName =>
        _document.Descendants("AssemblyName").LastOrDefault()?.Value.Trim() is { Length: > 0 } name
            ? name
            : System.IO.Path.GetFileNameWithoutExtension(RepoRelativePath);

    public static ProjectFile Load(string repoRoot, string repoRelativePath) =>
        new(Normalize(repoRelativePath), XDocument.Load(System.IO.Path.Combine(repoRoot, repoRelativePath)));

    /// <summary>This project's references and theirs, as repository-relative paths.</summary>
    public IReadOnlyList<string> ReferencesTransitively(string repoRoot)
    {
        var found = new List<string>();
        var pending = new Queue<ProjectFile>([this]);
        while (pending.Count > 0)
        {
            var project = pending.Dequeue();
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.Combine(repoRoot, project.RepoRelativePath))!;
            foreach (var reference in project._document.Descendants("ProjectReference"))
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                var relative = Normalize(System.IO.Path.GetRelativePath(repoRoot, full));
                if (!found.Contains(relative))
                {
                    found.Add(relative);
                    pending.Enqueue(Load(repoRoot, relative));
                }
            }
        }

        return found;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
