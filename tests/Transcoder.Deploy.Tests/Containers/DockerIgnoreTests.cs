namespace Transcoder.Deploy.Tests.Containers;

public sealed class DockerIgnoreTests
{
    private static IEnumerable<ImageCase> Images => ImageCase.All;

    private static DockerIgnore Load() => DockerIgnore.Load(Path.Combine(ContainerPaths.Root, ".dockerignore"));

    [TestCase("artifacts")]
    [TestCase("artifacts/bin/Transcoder.TranscodeJob/debug/TranscodeJob.dll")]
    [TestCase("node_modules")]
    [TestCase("node_modules/fauxqs/package.json")]
    [TestCase("TranscodeJob/bin/Debug/net10.0/TranscodeJob.dll")]
    [TestCase("Dispatcher/obj/project.assets.json")]
    [TestCase(".git/HEAD")]
    [TestCase("tests/Transcoder.TranscodeJob.Tests/TestResults/results.trx")]
    public void Dockerignore_BuildOutputNodeModulesAndGit_AreExcluded(string path)
    {
        // Act / Assert
        Assert.That(Load().IsExcluded(path), Is.True, path);
    }

    [TestCaseSource(nameof(Images))]
    public void Dockerignore_CopySourcesAndTheirFiles_AreNotExcluded(ImageCase image)
    {
        // Arrange: every path the Dockerfile copies from the context, and the files under copied folders
        // (minus bin/obj, which are excluded on purpose).
        var ignore = Load();
        var dockerfile = DockerfileDocument.Load(Path.Combine(ContainerPaths.Root, image.Dockerfile));
        var sources = dockerfile.Stages
            .SelectMany(s => s.All("COPY"))
            .Select(DockerfileDocument.ParseCopy)
            .Where(copy => copy.FromBuildContext)
            .SelectMany(copy => copy.Sources)
            .ToList();
        var paths = sources.SelectMany(source =>
        {
            var folder = Path.Combine(ContainerPaths.Root, source);
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(ContainerPaths.Root, file).Replace('\\', '/'))
                    .Where(file => !file.Split('/').Any(segment => segment is "bin" or "obj"))
                    .Prepend(source)
                : [source];
        });

        // Act
        var excluded = paths.Where(ignore.IsExcluded).ToList();

        // Assert
        Assert.That(excluded, Is.Empty, ".dockerignore leaves out what the Dockerfile copies");
    }

    [Test]
    public void IsExcluded_NegatedRuleAfterExclusion_IncludesAgain()
    {
        // Arrange: the matcher itself, on Docker's rules.
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# comment", "**/*.md", "!README.md", "docs/"]);
            var ignore = DockerIgnore.Load(file);

            // Act / Assert
            Assert.That(ignore.IsExcluded("Dispatcher/NOTES.md"), Is.True);
            Assert.That(ignore.IsExcluded("NOTES.md"), Is.True, "**/ also matches no folder");
            Assert.That(ignore.IsExcluded("README.md"), Is.False);
            Assert.That(ignore.IsExcluded("docs/containers.txt"), Is.True, "a file under an excluded folder");
            Assert.That(ignore.IsExcluded("Shared/JobId.cs"), Is.False);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
