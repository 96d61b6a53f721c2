using System.Diagnostics;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace Transcoder.LocalAws;

/// <summary>
/// A real S3 + SQS endpoint on loopback: the pinned <c>fauxqs</c> npm package, started on a free port and
/// stopped with the test run. One per test assembly (<see cref="Shared"/>). It is started through
/// <c>LocalAws/fauxqs-s3.mjs</c>, which adds the S3 operations the job uses and fauxqs lacks (conditional writes with
/// <c>If-None-Match: *</c>, <c>UploadPartCopy</c>), as S3 documents them.
/// </summary>
public sealed class FauxqsEmulator : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string AccessKey = "test";
    public const string SecretKey = "test";

    private static readonly Lock SharedGate = new();
    private static Task<FauxqsEmulator>? _shared;

    private readonly Process _process;
    private readonly OutputTail _output;

    private FauxqsEmulator(Process process, OutputTail output, Uri endpoint)
    {
        _process = process;
        _output = output;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>What the emulator printed, for a failing test's message.</summary>
    public string Output => _output.ToString();

    /// <summary>The emulator of this test assembly, started on first use. Stop it with <see cref="StopSharedAsync"/>.</summary>
    public static Task<FauxqsEmulator> Shared
    {
        get
        {
            lock (SharedGate)
            {
                return _shared ??= StartAsync(CancellationToken.None);
            }
        }
    }

    public static async Task StopSharedAsync()
    {
        Task<FauxqsEmulator>? shared;
        lock (SharedGate)
        {
            (shared, _shared) = (_shared, null);
        }

        if (shared is { IsCompletedSuccessfully: true })
        {
            await shared.Result.DisposeAsync();
        }
    }

    public static async Task<FauxqsEmulator> StartAsync(CancellationToken cancellationToken)
    {
        await NodeTools.EnsureInstalledAsync(NodeTools.FauxqsCli, cancellationToken);
        var port = FreePort.Find();
        var start = new ProcessStartInfo("node", [NodeTools.FauxqsWithS3Extras, RepoPaths.NodeModules])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FAUXQS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FAUXQS_HOST"] = "127.0.0.1",
                ["FAUXQS_LOGGER"] = "false",
            },
        };

        var output = new OutputTail();
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node: install Node.js 20+");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var emulator = new FauxqsEmulator(process, output, new Uri($"http://127.0.0.1:{port}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator.Kill();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"fauxqs exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return emulator;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        emulator.Kill();
        throw new TimeoutException($"fauxqs did not listen on port {port} within 30 s:\n{output}");
    }

    /// <summary>Variables that point a child process's AWS SDK at the emulator.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
    };

    public AmazonS3Client CreateS3Client() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = Region });

    public AmazonSQSClient CreateSqsClient() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonSQSConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Region });

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }
}
