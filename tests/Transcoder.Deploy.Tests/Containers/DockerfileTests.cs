namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// No Docker engine runs on the build machines, so the Dockerfiles are checked by reading them: what they copy
/// exists and is laid out as in the repository, what they publish is the right project, and the image runs that
/// project's binary as a non-root user. (.ci/publish runs their publish commands.)
/// </summary>
public sealed class DockerfileTests
{
    private static IEnumerable<ImageCase> Images => ImageCase.All;

    private static DockerfileDocument Load(ImageCase image) =>
        DockerfileDocument.Load(Path.Combine(ContainerPaths.Root, image.Dockerfile));

    private static IEnumerable<DockerfileCopy> ContextCopies(DockerfileDocument dockerfile) =>
        dockerfile.Stages.SelectMany(s => s.All("COPY")).Select(DockerfileDocument.ParseCopy).Where(c => c.FromBuildContext);

    private static (DockerfileStage Stage, DotnetCommand Command, DockerfileInstruction Run) Publish(DockerfileDocument dockerfile)
    {
        var publishes = dockerfile.Stages
            .SelectMany(stage => DockerfileDocument.DotnetCommands(stage).Select(found => (stage, found.Command, found.Run)))
            .Where(found => found.Command.Verb == "publish")
            .ToList();
        Assert.That(publishes, Has.Count.EqualTo(1), $"{dockerfile.Path}: one dotnet publish");
        return publishes[0];
    }

    [TestCaseSource(nameof(Images))]
    public void Copy_BuildContextSources_ExistInTheRepository(ImageCase image)
    {
        // Arrange
        var copies = ContextCopies(Load(image)).ToList();

        // Act
        var missing = copies
            .SelectMany(copy => copy.Sources.Select(source => (source, copy.Instruction)))
            .Where(found => !File.Exists(Path.Combine(ContainerPaths.Root, found.source)) && !Directory.Exists(Path.Combine(ContainerPaths.Root, found.source)))
            .Select(found => $"{found.source} ({found.Instruction})")
            .ToList();

        // Assert
        Assert.That(copies, Is.Not.Empty);
        Assert.That(missing, Is.Empty, $"{image.Dockerfile} copies paths that the repository does not have");
    }

    [TestCaseSource(nameof(Images))]
    public void Copy_BuildContextSources_KeepTheirRepositoryLayout(ImageCase image)
    {
        // Arrange: project references are relative paths (..\Shared\...), so the build stage mirrors the repository.
        static string Trim(string path) => path == "." || path == "./" ? "" : path.TrimStart('.', '/').TrimEnd('/');

        // Act
        var moved = ContextCopies(Load(image))
            .SelectMany(copy => copy.Sources.Select(source =>
            {
                var isFolder = Directory.Exists(Path.Combine(ContainerPaths.Root, source));
                var expected = isFolder ? Trim(source) : Trim(Path.GetDirectoryName(source.TrimEnd('/'))!.Replace('\\', '/'));
                return (source, copy.Destination, expected);
            }))
            .Where(found => Trim(found.Destination) != found.expected)
            .Select(found => $"{found.source} -> {found.Destination} (expected {found.expected}/)")
            .ToList();

        // Assert
        Assert.That(moved, Is.Empty);
    }

    [TestCaseSource(nameof(Images))]
    public void DotnetCommands_ProjectPaths_ExistInTheRepository(ImageCase image)
    {
        // Arrange
        var commands = Load(image).Stages.SelectMany(DockerfileDocument.DotnetCommands).Select(found => found.Command).ToList();

        // Act
        var missing = commands
            .Where(command => command.Project is null || !File.Exists(Path.Combine(ContainerPaths.Root, command.Project)))
            .Select(command => command.ToString())
            .ToList();

        // Assert
        Assert.That(commands.Select(c => c.Verb), Does.Contain("restore").And.Contain("publish"));
        Assert.That(missing, Is.Empty, "dotnet commands whose project is not in the repository");
    }

    [TestCaseSource(nameof(Images))]
    public void Publish_ImagesProject_IsNativeAotForLinuxX64(ImageCase image)
    {
        // Act
        var dockerfile = Load(image);
        var (_, publish, _) = Publish(dockerfile);

        // Assert: the final image is runtime-deps (no .NET runtime), so the binary must be native.
        Assert.That(publish.Project, Is.EqualTo(image.Project));
        Assert.That(publish.Words, Does.Contain("-p:PublishAot=true"));
        Assert.That(publish.Words, Does.Contain("-c").And.Contain("Release"));
        Assert.That(publish.Words, Does.Contain("-r").And.Contain("linux-x64"));
        Assert.That(dockerfile.Final.BaseImage, Does.Contain("runtime-deps"));
    }

    [TestCaseSource(nameof(Images))]
    public void Restore_ProjectReferencesAndBuildInputs_AreCopiedBeforeRestore(ImageCase image)
    {
        // Arrange
        var dockerfile = Load(image);
        var (stage, _, _) = Publish(dockerfile);
        var restore = DockerfileDocument.DotnetCommands(stage).Single(found => found.Command.Verb == "restore");
        var copiedBefore = stage.Instructions
            .TakeWhile(instruction => instruction != restore.Run)
            .Where(instruction => instruction.Keyword == "COPY")
            .Select(DockerfileDocument.ParseCopy)
            .Where(copy => copy.FromBuildContext)
            .SelectMany(copy => copy.Sources)
            .Select(source => source.TrimEnd('/'))
            .ToList();
        var project = ProjectFile.Load(ContainerPaths.Root, image.Project);
        var needed = new[] { image.Project }
            .Concat(project.ReferencesTransitively(ContainerPaths.Root))
            .Concat(ImageCase.BuildInputs.Where(input => File.Exists(Path.Combine(ContainerPaths.Root, input))));

        // Act
        var missing = needed
            .Where(path => !copiedBefore.Any(source => path == source || path.StartsWith(source + "/", StringComparison.Ordinal)))
            .ToList();

        // Assert
        Assert.That(restore.Command.Project, Is.EqualTo(image.Project));
        Assert.That(missing, Is.Empty, $"not copied before `{restore.Command}` ({restore.Run})");
    }

    [TestCaseSource(nameof(Images))]
    public void Publish_ProjectFolders_AreCopiedBeforePublish(ImageCase image)
    {
        // Arrange
        var dockerfile = Load(image);
        var (stage, _, run) = Publish(dockerfile);
        var copiedBefore = stage.Instructions
            .TakeWhile(instruction => instruction != run)
            .Where(instruction => instruction.Keyword == "COPY")
            .Select(DockerfileDocument.ParseCopy)
            .Where(copy => copy.FromBuildContext)
            .SelectMany(copy => copy.Sources)
            .Select(source => source.TrimEnd('/'))
            .ToList();
        var projects = new[] { image.Project }.Concat(ProjectFile.Load(ContainerPaths.Root, image.Project).ReferencesTransitively(ContainerPaths.Root));

        // Act: each project's whole folder (its sources), not only its .csproj.
        var missing = projects
            .Select(path => Path.GetDirectoryName(path)!.Replace('\\', '/'))
            .Where(folder => !copiedBefore.Contains(folder))
            .ToList();

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(Images))]
    public void FinalStage_User_IsNotRoot(ImageCase image)
    {
        // Act
        var user = Load(image).Final.All("USER").LastOrDefault()?.Arguments.Trim();

        // Assert
        Assert.That(user, Is.Not.Null.And.Not.Empty, $"{image.Dockerfile}: the final stage sets no USER, so it runs as root");
        var name = user!.Split(':')[0];
        Assert.That(name, Is.Not.EqualTo("root").And.Not.EqualTo("0"));
    }

    [TestCaseSource(nameof(Images))]
    public void Entrypoint_Binary_IsThePublishedAssembly(ImageCase image)
    {
        // Arrange
        var dockerfile = Load(image);
        var (buildStage, publish, _) = Publish(dockerfile);
        var assemblyName = ProjectFile.Load(ContainerPaths.Root, image.Project).AssemblyName;
        var fromBuild = dockerfile.Final.All("COPY")
            .Select(DockerfileDocument.ParseCopy)
            .Single(copy => copy.From == buildStage.Name);

        // Act
        var entrypoint = dockerfile.Entrypoint();

        // Assert: ENTRYPOINT is the binary that `dotnet publish -o` wrote and the final stage copied.
        Assert.That(entrypoint, Is.Not.Null.And.Not.Empty, $"{image.Dockerfile}: no ENTRYPOINT");
        Assert.That(fromBuild.Sources, Has.Count.EqualTo(1));
        Assert.That(fromBuild.Sources[0].TrimEnd('/'), Is.EqualTo(publish.Output?.TrimEnd('/')));
        Assert.That(entrypoint![0], Is.EqualTo($"{fromBuild.Destination.TrimEnd('/')}/{assemblyName}"));
    }
}
