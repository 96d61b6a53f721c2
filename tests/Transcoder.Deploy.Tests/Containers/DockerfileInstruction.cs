namespace Transcoder.Deploy.Tests.Containers;

/// <summary>One instruction of a Dockerfile, continuation lines joined: <c>COPY a b ./</c> is ("COPY", "a b ./").</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line)
{
    public override string ToString() => $"line {Line}: {Keyword} {Arguments}";
}
