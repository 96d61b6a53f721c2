using Transcoder.Client.Hosting;
using Transcoder.Client.Tests.Support;
using Transcoder.LocalAws;

namespace Transcoder.Client.Tests.Hosting;

/// <summary>
/// The real <c>transcoder</c> executable, configured only by its environment as a user would: the SDK's default
/// credentials, plain HTTP for the presigned requests, exit codes and stderr as a script sees them.
/// </summary>
[Category("Integration")]
public sealed class ClientProcessTests : IDisposable
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "transcoder.dll");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<(int ExitCode, ChildProcess Process)> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var process = ChildProcess.StartDotnet(Executable, args, environment);
        return (await process.WaitForExitAsync(cancellationToken), process);
    }

    private static Dictionary<string, string> EnvironmentOf(EmulatorBuckets buckets) =>
        new(buckets.Emulator.ClientEnvironment.Concat(buckets.Environment.Where(e => e.Key != "AWS_ENDPOINT_URL")));

    private static void AssertNoStackTrace(ChildProcess process) =>
        Assert.That(process.Stderr + process.Stdout, Does.Not.Contain("   at ").And.Not.Contain("Exception:"));

    [Test]
    [CancelAfter(120_000)]
    public async Task Process_UploadThenStatus_Exit0ThenNotYet(CancellationToken cancellationToken)
    {
        // Arrange
        await using var buckets = await EmulatorBuckets.CreateAsync(cancellationToken);
        var path = _temp.RandomFile("clip.mp4", 100_000);

        // Act
        var (uploadExit, upload) = await RunAsync(["upload", path, "--renditions", "360p"], EnvironmentOf(buckets), cancellationToken);
        await using var uploadProcess = upload;
        var (statusExit, status) = await RunAsync(["status", "clip.mp4"], EnvironmentOf(buckets), cancellationToken);
        await using var statusProcess = status;

        // Assert
        Assert.That(uploadExit, Is.EqualTo(ClientExitCodes.Success), upload.Stdout + upload.Stderr);
        Assert.That(upload.StdoutLines[0], Is.EqualTo($"uploaded: s3://{buckets.TempBucket}/clip.mp4"));
        var head = await buckets.S3.GetObjectMetadataAsync(buckets.TempBucket, "clip.mp4", cancellationToken);
        Assert.That(head.Metadata["x-amz-meta-renditions"], Is.EqualTo("360p"));
        Assert.That(statusExit, Is.EqualTo(ClientExitCodes.NotYet), status.Stdout + status.Stderr);
        Assert.That(status.StdoutLines[0], Is.EqualTo("status: processing"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Process_BadSettings_ErrorLinesOnlyExit2(CancellationToken cancellationToken)
    {
        // Act
        var (exitCode, process) = await RunAsync(["urls", "clip.mp4", "--expires", "1y"], new Dictionary<string, string>(), cancellationToken);
        await using var _ = process;

        // Assert
        Assert.That(exitCode, Is.EqualTo(ClientExitCodes.Usage));
        Assert.That(process.StderrLines, Has.Count.EqualTo(4).And.All.StartWith("error: "), process.Stderr);
        Assert.That(process.Stdout, Is.Empty);
        AssertNoStackTrace(process);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Process_S3Unreachable_OneErrorLineExit4(CancellationToken cancellationToken)
    {
        // Arrange: an endpoint nobody listens on.
        var environment = new Dictionary<string, string>
        {
            ["UPLOAD_BUCKET"] = "temp-b", ["BUCKET_NAME_PROD"] = "prod-b", ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Find()}",
            ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test", ["AWS_MAX_ATTEMPTS"] = "1",
        };

        // Act
        var (exitCode, process) = await RunAsync(["status", "clip.mp4"], environment, cancellationToken);
        await using var _ = process;

        // Assert
        Assert.That(exitCode, Is.EqualTo(ClientExitCodes.Transient), process.Stderr);
        Assert.That(process.StderrLines, Has.Count.EqualTo(1));
        Assert.That(process.StderrLines[0], Does.StartWith("error: "));
        AssertNoStackTrace(process);
    }

    [TestCase]
    [TestCase("unknown-command")]
    [TestCase("upload")]
    [CancelAfter(120_000)]
    public async Task Process_CommandLineNotUnderstood_Exit2(params string[] args)
    {
        // Act
        var (exitCode, process) = await RunAsync(args, new Dictionary<string, string>(), CancellationToken.None);
        await using var _ = process;

        // Assert
        Assert.That(exitCode, Is.EqualTo(ClientExitCodes.Usage), process.Stderr);
        Assert.That(process.StderrLines[0], Does.StartWith("error: "));
        AssertNoStackTrace(process);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Process_Help_ListsTheCommandsExit0(CancellationToken cancellationToken)
    {
        // Act
        var (exitCode, process) = await RunAsync(["--help"], new Dictionary<string, string>(), cancellationToken);
        await using var _ = process;

        // Assert
        Assert.That(exitCode, Is.EqualTo(ClientExitCodes.Success));
        Assert.That(process.Stdout, Does.Contain("upload").And.Contain("status").And.Contain("urls").And.Contain("Exit codes"));
    }
}
