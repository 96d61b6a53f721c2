using Microsoft.Extensions.Logging.Abstractions;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Local;
using Transcoder.Dispatcher.Options;
using Transcoder.Dispatcher.Tests.Support;
using Transcoder.Shared;

namespace Transcoder.Dispatcher.Tests.Local;

/// <summary>The local launcher against a real child process: a script standing in for TranscodeJob.</summary>
[Category("Integration")]
public sealed class LocalJobLauncherTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "local-launcher-" + Guid.NewGuid().ToString("N")[..8]);

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder);

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(30_000)]
    public async Task LaunchAsync_Job_GetsTheTaskEnvironmentAndConfiguredAwsSettings(CancellationToken cancellationToken)
    {
        // Arrange: the "job" writes its environment and exits 3.
        var script = Script("env > \"$OUT_DIR/$JOB_ID.env\"; exit 3");
        await using var sut = CreateSut(script, maxJobs: 1);
        var launch = Launch("clips/a b.mp4");

        // Act
        await sut.LaunchAsync(launch, cancellationToken);
        await WaitForExitsAsync(sut, 1, cancellationToken);

        // Assert
        var environment = (await File.ReadAllLinesAsync(Path.Combine(_folder, launch.JobId + ".env"), cancellationToken))
            .Select(line => line.Split('=', 2)).Where(parts => parts.Length == 2).ToDictionary(parts => parts[0], parts => parts[1]);
        Assert.That(environment[JobEnvironment.SourceKey], Is.EqualTo("clips/a b.mp4"));
        Assert.That(environment[JobEnvironment.ReceiptHandle], Is.EqualTo("receipt-clips/a b.mp4"));
        Assert.That(environment[JobEnvironment.OutputBucket], Is.EqualTo("prod"));
        Assert.That(environment["AWS_ENDPOINT_URL"], Is.EqualTo("http://127.0.0.1:9"), "given to the dispatcher in its configuration only");
        Assert.That(sut.Exits.Single().ExitCode, Is.EqualTo(ExitCodes.BadInput));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task LaunchAsync_AllSlotsBusy_WaitsForAJobToEnd(CancellationToken cancellationToken)
    {
        // Arrange: a job that runs until a file appears.
        var script = Script("while [ ! -f \"$OUT_DIR/go\" ]; do sleep 0.05; done");
        await using var sut = CreateSut(script, maxJobs: 1);
        await sut.LaunchAsync(Launch("first.mp4"), cancellationToken);

        // Act
        var second = sut.LaunchAsync(Launch("second.mp4"), cancellationToken);
        await Task.Delay(500, cancellationToken);
        var waitedWhileBusy = !second.IsCompleted;
        await File.WriteAllTextAsync(Path.Combine(_folder, "go"), "", cancellationToken);
        await second;
        await WaitForExitsAsync(sut, 2, cancellationToken);

        // Assert
        Assert.That(waitedWhileBusy, Is.True);
        Assert.That(sut.Exits.Select(e => e.ExitCode), Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task DisposeAsync_RunningJob_GetsSigterm(CancellationToken cancellationToken)
    {
        // Arrange: a job that records SIGTERM, as TranscodeJob releases its message on it.
        var script = Script("trap 'echo term > \"$OUT_DIR/signal\"; exit 143' TERM; while true; do sleep 0.05; done");
        var sut = CreateSut(script, maxJobs: 1);
        await sut.LaunchAsync(Launch("long.mp4"), cancellationToken);
        await Task.Delay(300, cancellationToken);

        // Act
        await sut.DisposeAsync();

        // Assert
        Assert.That(File.Exists(Path.Combine(_folder, "signal")), Is.True);
        Assert.That(sut.Exits.Single().ExitCode, Is.EqualTo(ExitCodes.Terminated));
    }

    private static JobLaunch Launch(string key) => TestLaunches.For(key, receiptHandle: "receipt-" + key);

    private static async Task WaitForExitsAsync(LocalJobLauncher launcher, int count, CancellationToken cancellationToken)
    {
        while (launcher.Exits.Count < count)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private string Script(string body)
    {
        var path = Path.Combine(_folder, "job.sh");
        File.WriteAllText(path, $"#!/bin/sh\nOUT_DIR='{_folder}'\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private LocalJobLauncher CreateSut(string jobPath, int maxJobs)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.QueueUrl] = "http://127.0.0.1:9/000000000000/uploads",
            [SettingNames.OutputBucket] = "prod",
            [SettingNames.Launcher] = "local",
            [SettingNames.LocalJobPath] = jobPath,
            [SettingNames.LocalMaxJobs] = maxJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        };
        return new LocalJobLauncher(TestOptions.Read(settings), TestOptions.Configuration(settings), NullLogger<LocalJobLauncher>.Instance);
    }
}
