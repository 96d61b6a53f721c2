using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Transcoder.LocalAws;

namespace Transcoder.Deploy.Tests.Code;

/// <summary>
/// Measures the product's methods by parsing its sources (syntax only, nothing is compiled): a long method is a list
/// of stages waiting for names, and this is where one shows up. Run <c>tools/method_lengths.sh</c> for the list.
/// </summary>
public static class MethodLengths
{
    /// <summary>The product's projects: what ships or runs the pipeline. Tests and benchmarks are not measured.</summary>
    public static readonly IReadOnlyList<string> ProductProjects = ["Shared", "TranscodeJob", "Dispatcher", "Client", "LocalPipeline", "LocalAws"];

    /// <summary>Every method of the product's projects, longest first.</summary>
    public static IReadOnlyList<MethodLength> OfProduct() =>
        [.. ProductProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .SelectMany(path => Of(File.ReadAllText(path), Path.GetRelativePath(RepoPaths.Root, path)))
            .OrderByDescending(method => method.Lines)
            .ThenBy(method => method.File, StringComparer.Ordinal)];

    /// <summary>The methods of one source text.</summary>
    public static IEnumerable<MethodLength> Of(string source, string file)
    {
        var root = CSharpSyntaxTree.ParseText(source, path: file).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            if (NameOf(node) is { } name)
            {
                var first = FirstLine(node);
                var last = node.GetLocation().GetLineSpan().EndLinePosition.Line;
                yield return new MethodLength(file, first + 1, name, last - first + 1);
            }
        }

        var statements = root.ChildNodes().OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count > 0)
        {
            var first = statements[0].GetLocation().GetLineSpan().StartLinePosition.Line;
            var last = statements[^1].GetLocation().GetLineSpan().EndLinePosition.Line;
            yield return new MethodLength(file, first + 1, "top-level statements", last - first + 1);
        }
    }

    private static string? NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => $"{TypeOf(node)}.{method.Identifier.Text}",
        ConstructorDeclarationSyntax constructor => $"{TypeOf(node)}.{constructor.Identifier.Text} (constructor)",
        LocalFunctionStatementSyntax local => $"{TypeOf(node)}.{local.Identifier.Text} (local function)",
        AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null =>
            $"{TypeOf(node)}.{(accessor.Parent?.Parent as PropertyDeclarationSyntax)?.Identifier.Text ?? "this"}.{accessor.Keyword.Text}",
        PropertyDeclarationSyntax { ExpressionBody: not null } property => $"{TypeOf(node)}.{property.Identifier.Text}",
        OperatorDeclarationSyntax @operator => $"{TypeOf(node)}.operator {@operator.OperatorToken.Text}",
        ConversionOperatorDeclarationSyntax conversion => $"{TypeOf(node)}.{conversion.ImplicitOrExplicitKeyword.Text} operator",
        _ => null,
    };

    // From the first line after the attributes and the doc comment.
    private static int FirstLine(SyntaxNode node)
    {
        var start = node switch
        {
            MemberDeclarationSyntax member when member.AttributeLists.Count > 0 =>
                member.AttributeLists.Last().GetLastToken().GetNextToken().SpanStart,
            _ => node.SpanStart,
        };
        return node.SyntaxTree.GetLineSpan(new TextSpan(start, 0)).StartLinePosition.Line;
    }

    private static string TypeOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "(top level)";

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
