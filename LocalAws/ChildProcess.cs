using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Transcoder.LocalAws;

/// <summary>
/// One of our executables run as a real process, the way ECS or a user runs it: chosen environment, captured
/// stdout and stderr, signals.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly OutputTail _stdout = new(2000);
    private readonly OutputTail _stderr = new(2000);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public IReadOnlyList<string> StdoutLines => _stdout.Lines;

    public IReadOnlyList<string> StderrLines => _stderr.Lines;

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    /// <summary>Starts <c>dotnet app.dll args</c> with exactly <paramref name="environment"/> added to a clean PATH/HOME.</summary>
    public static ChildProcess StartDotnet(string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        Start("dotnet", [assemblyPath, .. arguments], environment);

    /// <summary>Starts <paramref name="executable"/> with exactly <paramref name="environment"/> added to a clean PATH/HOME.</summary>
    public static ChildProcess Start(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what a task would have: no AWS_* or job variables leak in from the machine running the tests.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR", "LANG" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child._stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child._stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        _process.WaitForExit(); // Drains the asynchronous output readers.
        return _process.ExitCode;
    }

    /// <summary>Waits until a stdout or stderr line satisfies <paramref name="predicate"/>.</summary>
    public async Task WaitForLineAsync(Func<string, bool> predicate, CancellationToken cancellationToken)
    {
        while (!_stdout.Lines.Any(predicate) && !_stderr.Lines.Any(predicate))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"process exited with {_process.ExitCode} before the line appeared:\n{Stdout}\n{Stderr}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public void Signal(int signal) => Signal(_process.Id, signal);

    /// <summary>Sends <paramref name="signal"/> to any process (one this class did not start, too).</summary>
    public static void Signal(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
