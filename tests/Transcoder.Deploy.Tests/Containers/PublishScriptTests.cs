namespace Transcoder.Deploy.Tests.Containers;

/// <summary>.ci/publish stands in for `docker build` in CI: it must run the Dockerfiles' dotnet commands, no others.</summary>
public sealed class PublishScriptTests
{
    private static string ScriptPath => Path.Combine(ContainerPaths.Root, ".ci", "publish");

    [Test]
    public void PublishScript_DotnetCommands_AreTheDockerfilesButTheOutputFolder()
    {
        // Arrange
        var fromDockerfiles = ImageCase.All
            .Select(image => DockerfileDocument.Load(Path.Combine(ContainerPaths.Root, image.Dockerfile)))
            .SelectMany(dockerfile => dockerfile.Stages.SelectMany(DockerfileDocument.DotnetCommands))
            .Select(found => found.Command.WithoutOutput())
            .ToList();

        // Act: the script runs each command through its `step` helper, one per line.
        var fromScript = File.ReadAllLines(ScriptPath)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("step dotnet ", StringComparison.Ordinal))
            .SelectMany(line => DotnetCommand.FindIn(line["step ".Length..]))
            .Select(command => command.WithoutOutput())
            .ToList();

        // Assert
        Assert.That(fromDockerfiles, Is.Not.Empty);
        Assert.That(fromScript, Is.EquivalentTo(fromDockerfiles));
    }

    [Test]
    public void CiRun_PublishScript_RunsBeforeTheTests()
    {
        // Arrange
        var run = File.ReadAllText(Path.Combine(ContainerPaths.Root, ".ci", "run"));

        // Act
        var publish = run.IndexOf("bash .ci/publish", StringComparison.Ordinal);
        var tests = run.IndexOf("dotnet test", StringComparison.Ordinal);

        // Assert
        Assert.That(publish, Is.GreaterThanOrEqualTo(0), ".ci/run does not run .ci/publish");
        Assert.That(publish, Is.LessThan(tests));
    }
}
