using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Local;

/// <summary>
/// Runs each job as a TranscodeJob child process with the environment an ECS task would get (this process's own
/// environment, for AWS endpoints and credentials, plus the job's overrides), at most
/// <see cref="LocalLauncherOptions.MaxJobs"/> at a time. On shutdown the children get SIGTERM, so they release
/// their messages, as a task would when ECS stops it.
/// </summary>
public sealed class LocalJobLauncher(DispatcherOptions options, ILogger<LocalJobLauncher> logger) : ITaskLauncher, IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private readonly SemaphoreSlim _slots = new(options.Local.MaxJobs, options.Local.MaxJobs);
    private readonly Dictionary<int, (Process Process, Task Exited)> _running = [];
    private readonly Lock _gate = new();

    public async Task<string> LaunchAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        Process process;
        try
        {
            process = Process.Start(CreateStartInfo(launch))
                      ?? throw new LaunchException("the job process did not start", isRetryable: true);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _slots.Release();
            throw new LaunchException($"could not start {options.Local.JobPath}: {exception.Message}", isRetryable: false, exception);
        }

        var exited = WatchAsync(process, launch.Job.JobId);
        lock (_gate)
        {
            _running[process.Id] = (process, exited);
        }

        return $"local process {process.Id}";
    }

    public async ValueTask DisposeAsync()
    {
        List<(Process Process, Task Exited)> running;
        lock (_gate)
        {
            running = [.. _running.Values];
        }

        foreach (var (process, _) in running)
        {
            Signals.Terminate(process.Id);
        }

        var all = Task.WhenAll(running.Select(r => r.Exited));
        if (await Task.WhenAny(all, Task.Delay(StopGrace)) != all)
        {
            foreach (var (process, _) in running.Where(r => !r.Process.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }

            await all;
        }

        _slots.Dispose();
    }

    private ProcessStartInfo CreateStartInfo(JobLaunch launch)
    {
        var path = options.Local.JobPath;
        var isDll = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var startInfo = new ProcessStartInfo(isDll ? "dotnet" : path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            startInfo.ArgumentList.Add(path);
        }

        foreach (var (name, value) in TaskEnvironment.For(launch, options))
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private async Task WatchAsync(Process process, string jobId)
    {
        try
        {
            var stdout = ForwardAsync(process.StandardOutput, jobId);
            var stderr = ForwardAsync(process.StandardError, jobId);
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
            logger.LogInformation("Job {JobId} (process {ProcessId}) exited with {ExitCode}", jobId, process.Id, process.ExitCode);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(process.Id);
            }

            process.Dispose();
            _slots.Release();
        }
    }

    // The job's own lines (JSON in a container, text otherwise), passed through with the job id in front.
    private async Task ForwardAsync(StreamReader reader, string jobId)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            logger.LogInformation("job {JobId}: {Line}", jobId, line);
        }
    }
}
