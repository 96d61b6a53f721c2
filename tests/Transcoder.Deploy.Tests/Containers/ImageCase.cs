namespace Transcoder.Deploy.Tests.Containers;

/// <summary>A Dockerfile at the repository root and the project whose binary its image runs.</summary>
public sealed record ImageCase(string Dockerfile, string Project)
{
    public static IEnumerable<ImageCase> All { get; } =
    [
        new("Dockerfile.job", "TranscodeJob/Transcoder.TranscodeJob.csproj"),
        new("Dockerfile.dispatcher", "Dispatcher/Transcoder.Dispatcher.csproj"),
    ];

    /// <summary>Root files that every restore reads: the images must copy them before restoring.</summary>
    public static IEnumerable<string> BuildInputs { get; } =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", "NuGet.config", "nuget.config"];

    public override string ToString() => Dockerfile;
}
