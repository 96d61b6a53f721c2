using Transcoder.Deploy.Tests.Template;
using Transcoder.Testing;

namespace Transcoder.Deploy.Tests.Docs;

/// <summary>deploy/README.md, for tests that hold the deploy guide to the stack and the code.</summary>
public static class DeployGuide
{
    private const string Document = "deploy/README.md";

    public static string Path => System.IO.Path.Combine(DeployPaths.Root, Document);

    public static string Text() => File.ReadAllText(Path);

    /// <summary>The cells of each row of the Markdown table below <paramref name="header"/> (its separator line skipped), trimmed.</summary>
    public static IReadOnlyList<string[]> TableRows(string header) => DocTable.Rows(Document, header);

    /// <summary>A cell's text without its backticks.</summary>
    public static string Plain(string cell) => DocTable.Plain(cell);
}
