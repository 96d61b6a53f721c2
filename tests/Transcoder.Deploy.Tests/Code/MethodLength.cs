namespace Transcoder.Deploy.Tests.Code;

/// <summary>One method (or constructor, accessor, local function) and how many lines it spans.</summary>
/// <param name="File">The source file, relative to the repository.</param>
/// <param name="Line">The line its declaration starts on (1-based, after attributes and doc comments).</param>
public sealed record MethodLength(string File, int Line, string Name, int Lines)
{
    public override string ToString() => $"{Lines,4}  {File}:{Line}  {Name}";
}
