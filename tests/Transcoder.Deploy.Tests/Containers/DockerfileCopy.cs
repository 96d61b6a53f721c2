namespace Transcoder.Deploy.Tests.Containers;

/// <summary>A <c>COPY</c> instruction: its sources, destination and <c>--from</c> stage (null: the build context).</summary>
public sealed record DockerfileCopy(IReadOnlyList<string> Sources, string Destination, string? From, DockerfileInstruction Instruction)
{
    public bool FromBuildContext => From is null;
}
