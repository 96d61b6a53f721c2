namespace Transcoder.Deploy.Tests.Containers;

/// <summary>One build stage: its <c>FROM</c> (build arguments substituted) and the instructions after it.</summary>
public sealed record DockerfileStage(string BaseImage, string? Name, IReadOnlyList<DockerfileInstruction> Instructions)
{
    public IEnumerable<DockerfileInstruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
