using Transcoder.TranscodeJob.Ffmpeg;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Ffmpeg;

[TestFixture]
[Category("Integration")]
internal sealed class FfmpegRunnerTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    [CancelAfter(30_000)]
    public async Task RunAsync_JobEnvironmentWithoutTunables_ToolRunsWithTheAllocatorTuning(CancellationToken cancellationToken)
    {
        // Arrange: an "ffmpeg" that prints the variable it was started with.
        var sut = CreateSut(await PrintingToolAsync(cancellationToken), AllocatorTuning.For(new Dictionary<string, string> { ["HOME"] = "/root" }));
        var lines = new List<string>();

        // Act
        var result = await sut.RunAsync(FfmpegTool.Ffmpeg, [], lines.Add, cancellationToken);

        // Assert
        Assert.That(result.Succeeded, Is.True);
        Assert.That(lines, Is.EqualTo(new[] { $"tunables={AllocatorTuning.Tunables}" }));
    }

    [Test]
    public void For_JobEnvironmentSetsTunables_AddsNothing()
    {
        // Act: the tools inherit the job's environment, so the operator's own setting reaches them as it is.
        var variables = AllocatorTuning.For(new Dictionary<string, string> { [AllocatorTuning.Variable] = "glibc.malloc.arena_max=2" });

        // Assert
        Assert.That(variables, Is.Empty);
    }

    private static FfmpegRunner CreateSut(string ffmpeg, IReadOnlyDictionary<string, string?> toolEnvironment) =>
        new(new FfmpegPaths(ffmpeg, "ffprobe"), TimeSpan.FromSeconds(5), toolEnvironment);

    private async Task<string> PrintingToolAsync(CancellationToken cancellationToken)
    {
        var script = _temp.Combine("print-tunables.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho \"tunables=$GLIBC_TUNABLES\"\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
