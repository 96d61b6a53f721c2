using Transcoder.Deploy.Tests.Template;

namespace Transcoder.Deploy.Tests.Containers;

/// <summary>
/// deploy/update-base-images.sh on copies of the Dockerfiles, with a stand-in <c>crane</c> on PATH that answers
/// every tag with a digest of its own (no registry is reachable from the build machines).
/// </summary>
[Category("Integration")]
public sealed class UpdateBaseImagesScriptTests
{
    private const string NewDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private string _folder = null!;

    private string Script => ContainerPaths.Combine(Path.Combine("deploy", "update-base-images.sh"));

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("transcoder-base-images-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(60_000)]
    public async Task Update_StalePins_RewritesOnlyTheDigests(CancellationToken cancellationToken)
    {
        // Arrange
        var copy = CopyOf("Dockerfile.job");
        var before = await File.ReadAllLinesAsync(copy, cancellationToken);

        // Act
        var result = await RunAsync([copy], FakeCrane($"echo {NewDigest}"), cancellationToken);

        // Assert: the ARG pins carry the new digest with their tags; every other line is as it was.
        var after = await File.ReadAllLinesAsync(copy, cancellationToken);
        var pins = DockerfileDocument.Load(copy).Stages.Select(stage => BaseImageReference.TryParse(stage.BaseImage)).ToList();
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(pins.Select(pin => pin?.Digest), Is.All.EqualTo(NewDigest));
        Assert.That(pins.Select(pin => pin?.Tag), Is.EqualTo(new[] { "10.0-noble", "10.0-noble" }));
        Assert.That(after.Where((line, i) => line != before[i]).ToList(), Has.Count.EqualTo(2).And.All.StartsWith("ARG "));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Check_StalePins_ExitsOneAndChangesNothing(CancellationToken cancellationToken)
    {
        var copy = CopyOf("Dockerfile.dispatcher");
        var before = await File.ReadAllTextAsync(copy, cancellationToken);

        var result = await RunAsync(["--check", copy], FakeCrane($"echo {NewDigest}"), cancellationToken);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.Output, Does.Contain("SDK_IMAGE").And.Contain("RUNTIME_IMAGE"));
        Assert.That(await File.ReadAllTextAsync(copy, cancellationToken), Is.EqualTo(before));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Check_CurrentPins_ExitsZero(CancellationToken cancellationToken)
    {
        var copy = CopyOf("Dockerfile.job");
        var crane = FakeCrane($"echo {NewDigest}");
        await RunAsync([copy], crane, cancellationToken);

        var result = await RunAsync(["--check", copy], crane, cancellationToken);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Update_ResolverAnswersNoDigest_FailsAndLeavesTheFile(CancellationToken cancellationToken)
    {
        // A registry error page or a warning must never end up in a FROM line.
        var copy = CopyOf("Dockerfile.job");
        var before = await File.ReadAllTextAsync(copy, cancellationToken);

        var result = await RunAsync([copy], FakeCrane("echo 'WARNING: rate limited'"), cancellationToken);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
        Assert.That(result.Output, Does.Contain("not a sha256 digest"));
        Assert.That(await File.ReadAllTextAsync(copy, cancellationToken), Is.EqualTo(before));
    }

    private string CopyOf(string dockerfile)
    {
        var copy = Path.Combine(_folder, dockerfile);
        File.Copy(ContainerPaths.Combine(dockerfile), copy);
        return copy;
    }

    // A `crane` whose `crane digest <ref>` runs the given shell line; first on PATH, so the real one (if any) is not asked.
    private Dictionary<string, string> FakeCrane(string answer)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var crane = Path.Combine(bin, "crane");
        File.WriteAllText(crane, $"#!/bin/sh\n[ \"$1\" = digest ] || exit 9\n{answer}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(crane, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
    }

    private Task<ToolResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync("bash", [Script, .. arguments], environment, cancellationToken);
}
