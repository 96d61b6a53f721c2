using System.Text.Json;
using Transcoder.Shared;
using Transcoder.LocalAws;
using Transcoder.TranscodeJob.Tests.Support;

namespace Transcoder.TranscodeJob.Tests.Hosting;

/// <summary>
/// The executable end to end: exit codes, what reaches stdout and stderr, signals and clean-up. These run the
/// real process because that is where mistakes at the edge (a stack trace, a wrong exit code) show.
/// </summary>
[Category("Integration")]
public sealed class TranscodeJobProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void AssertNoStackTrace(ChildProcess process)
    {
        Assert.That(process.Stderr, Does.Not.Contain("   at "));
        Assert.That(process.Stdout, Does.Not.Contain("   at "));
        Assert.That(process.Stderr, Does.Not.Contain("Exception"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_Help_PrintsOptionsWithTheirEnvironmentFallbacks(CancellationToken cancellationToken)
    {
        // Act
        await using var process = await JobProcess.RunAsync(["--help"], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success));
        Assert.That(process.Stdout, Does.Contain("--input").And.Contain("SOURCE_BUCKET").And.Contain("--parallelism").And.Contain("Exit codes"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_NoArguments_ExitsTwoWithTheProblemAndTheHelp(CancellationToken cancellationToken)
    {
        // Act
        await using var process = await JobProcess.RunAsync([], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Usage));
        Assert.That(process.StderrLines[0], Does.StartWith("error: no input"));
        Assert.That(process.Stderr, Does.Contain("Usage:"));
        AssertNoStackTrace(process);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_UnknownOption_ExitsTwo(CancellationToken cancellationToken)
    {
        // Act
        await using var process = await JobProcess.RunAsync(["--input", "a.mp4", "--output", "out", "--bogus"], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Usage));
        Assert.That(process.Stderr, Does.Contain("--bogus"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_LocalClip_ExitsZeroWithJsonLogsAndOutputs(CancellationToken cancellationToken)
    {
        // Arrange
        var output = _temp.Combine("out");

        // Act
        await using var process = await JobProcess.RunAsync(
            ["--input", await Clips.Landscape(), "--output", output, "--renditions", "144p", "--workdir", _temp.Combine("work")], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Success), process.Stdout + process.Stderr);
        var folder = Directory.GetDirectories(output).Single();
        Assert.That(Path.GetFileName(folder), Does.Match("^landscape-[0-9a-f]{16}$"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "master.m3u8", "144p.m3u8", "144p-iframes.m3u8", "audio.m3u8", "manifest.mpd", "144p.cmfv", "audio.cmfa", "144p.mp4",
            "storyboard-000.jpg", "storyboard.vtt", "poster.jpg", "manifest.json",
        }));
        Assert.That(Directory.GetFileSystemEntries(_temp.Combine("work")), Is.Empty);

        // Not a terminal: one JSON object per stdout line, carrying the job id: log entries, and the one metrics line.
        var lines = process.StdoutLines.Where(l => l.Length > 0).ToList();
        Assert.That(lines, Is.Not.Empty);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.That(entry.RootElement.TryGetProperty("LogLevel", out _) || entry.RootElement.TryGetProperty("_aws", out _), Is.True, line);
        }

        Assert.That(lines.Count(line => line.Contains("\"_aws\"", StringComparison.Ordinal)), Is.EqualTo(1), "one EMF line per job");

        Assert.That(process.Stdout, Does.Contain("\"JobId\""));
        Assert.That(process.Stderr, Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_TextFile_ExitsThreeWithOneLineOnStderr(CancellationToken cancellationToken)
    {
        // Arrange
        var input = await Clips.TextFile();

        // Act
        await using var process = await JobProcess.RunAsync(["--input", input, "--output", _temp.Combine("out")], null, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.BadInput));
        Assert.That(process.StderrLines, Has.Count.EqualTo(1));
        Assert.That(process.StderrLines[0], Does.StartWith($"error: {input} is not a readable video"));
        AssertNoStackTrace(process);
        Assert.That(Directory.GetFiles(Directory.GetDirectories(_temp.Combine("out")).Single()).Select(Path.GetFileName), Is.EqualTo(new[] { "failure.json" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Run_FfmpegMissing_ExitsFourNamingTheFix(CancellationToken cancellationToken)
    {
        // Arrange
        var environment = new Dictionary<string, string> { [JobEnvironment.FfprobePath] = "/nonexistent/ffprobe" };

        // Act
        await using var process = await JobProcess.RunAsync(["--input", await Clips.Landscape(), "--output", _temp.Combine("out")], environment, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Transient));
        Assert.That(process.StderrLines.Single(), Does.Contain("cannot start /nonexistent/ffprobe").And.Contain("apt-get install ffmpeg"));
        AssertNoStackTrace(process);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Run_S3Unreachable_ExitsFourAfterRetries(CancellationToken cancellationToken)
    {
        // Arrange: nothing listens on this port.
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Find()}",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        };

        // Act
        await using var process = await JobProcess.RunAsync(["--input", "s3://uploads/clip.mp4", "--output", _temp.Combine("out")], environment, cancellationToken);

        // Assert
        Assert.That(await process.WaitForExitAsync(cancellationToken), Is.EqualTo(ExitCodes.Transient));
        Assert.That(process.StderrLines.Single(), Does.StartWith("error: could not reach S3 for s3://uploads/clip.mp4"));
        AssertNoStackTrace(process);
    }

    [TestCase(ChildProcess.SigTerm, ExitCodes.Terminated)]
    [TestCase(ChildProcess.SigInt, ExitCodes.Interrupted)]
    [CancelAfter(90_000)]
    public async Task Run_SignalMidEncode_StopsFfmpegCleansUpAndExits(int signal, int expectedExitCode, CancellationToken cancellationToken)
    {
        // Arrange: the slowest settings, so the encode is surely still running when the signal arrives, even on a loaded
        // machine where this test reads the job's lines late (veryslow gave it 5 s; CI once signalled after the exit);
        // the fixed ladder, so the plan's line comes as soon as the probe is done.
        var ladder = _temp.Combine("slow-ladder.json");
        await File.WriteAllTextAsync(ladder, """{ "preset": "placebo", "ladderMode": "fixed", "renditions": [ { "name": "360p", "height": 360, "videoKbps": 800 } ] }""", cancellationToken);
        var work = _temp.Combine("work");
        var output = _temp.Combine("out");
        await using var process = JobProcess.Start(
            ["--input", await Clips.SlowToEncode(), "--output", output, "--ladder", ladder, "--workdir", work],
            new Dictionary<string, string> { [JobEnvironment.Verbose] = "true" });
        await process.WaitForLineAsync(l => l.Contains("renditions 360p", StringComparison.Ordinal), cancellationToken);
        await Task.Delay(1000, cancellationToken);
        var ffmpegBefore = FfmpegProcessesUsing(work);

        // Act
        process.Signal(signal);
        var exitCode = await process.WaitForExitAsync(cancellationToken);

        // Assert
        Assert.That(ffmpegBefore, Is.Not.Empty, "ffmpeg was running");
        Assert.That(exitCode, Is.EqualTo(expectedExitCode), process.Stdout + process.Stderr);
        Assert.That(FfmpegProcessesUsing(work), Is.Empty, "ffmpeg stopped");
        Assert.That(Directory.GetFileSystemEntries(work), Is.Empty, "workspace removed");
        Assert.That(Directory.Exists(output) ? Directory.GetFiles(output, "*", SearchOption.AllDirectories) : [], Is.Empty, "nothing published");
        Assert.That(process.StderrLines.Last(), Is.EqualTo("error: stopped by a signal"));
    }

    // ffmpeg processes whose command line mentions the workspace (ours, not another test's).
    private static List<int> FfmpegProcessesUsing(string workspace)
    {
        var found = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.StartsWith("ffmpeg ", StringComparison.Ordinal) && commandLine.Contains(workspace, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
