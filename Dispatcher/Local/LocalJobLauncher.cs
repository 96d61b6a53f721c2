using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;
using Transcoder.Shared;
using Transcoder.Shared.Aws;
using Transcoder.Shared.Jobs;

namespace Transcoder.Dispatcher.Local;

/// <summary>
/// Runs each job as a TranscodeJob child process with the environment an ECS task would get: this process's own
/// environment, the AWS settings (endpoints, region, credentials) and job tuning settings the dispatcher was configured
/// with (they may come from appsettings or the command line rather than the environment), and the job's overrides.
/// At most <see cref="LocalLauncherOptions.MaxJobs"/> run at a time. On shutdown the children get SIGTERM, so they
/// release their messages, as a task would when ECS stops it.
/// </summary>
internal sealed class LocalJobLauncher(DispatcherOptions options, IConfiguration configuration, ILogger<LocalJobLauncher> logger)
    : ITaskLauncher, IAsyncDisposable
{
    // What a task definition's environment and task role would provide.
    private static readonly string[] PassedThrough =
    [
        .. AwsEnvironment.All,
        JobEnvironment.LogFormat, JobEnvironment.Verbose, JobEnvironment.WorkDir, JobEnvironment.Parallelism,
        JobEnvironment.HeartbeatSeconds, JobEnvironment.FfmpegPath, JobEnvironment.FfprobePath, JobEnvironment.LadderFile,
        JobEnvironment.EncodeMode, JobEnvironment.MaxSourceSeconds, JobEnvironment.ResultsQueueUrl, JobEnvironment.WebhookUrl,
        JobEnvironment.WebhookSecret, JobEnvironment.SplitAboveSeconds, JobEnvironment.ChunkSeconds, JobEnvironment.MaxChunks, JobEnvironment.Quality,
    ];

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private readonly SemaphoreSlim _slots = new(options.Local.MaxJobs, options.Local.MaxJobs);
    private readonly Dictionary<int, (Process Process, Task Exited, JobChunk? Chunk)> _running = [];
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<LocalJobExit> _exits = new();

    /// <summary>The job processes running now (the end-to-end tests stop one mid-encode, as ECS stops a task).</summary>
    public IReadOnlyList<int> RunningProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _running.Keys];
            }
        }
    }

    /// <summary>The running processes that encode a chunk of a long source, and their chunks (a test stops one, as Spot would).</summary>
    public IReadOnlyDictionary<int, JobChunk> RunningChunks
    {
        get
        {
            lock (_gate)
            {
                return _running.Where(r => r.Value.Chunk is not null).ToDictionary(r => r.Key, r => r.Value.Chunk!);
            }
        }
    }

    /// <summary>Every job process that has ended, in order.</summary>
    public IReadOnlyList<LocalJobExit> Exits => [.. _exits];

    public async Task<string> LaunchAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        Process? process;
        try
        {
            process = Process.Start(CreateStartInfo(launch));
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _slots.Release();
            throw new LaunchException($"could not start {options.Local.JobPath}: {exception.Message}", isRetryable: false, exception);
        }

        if (process is null)
        {
            _slots.Release();
            throw new LaunchException("the job process did not start", isRetryable: true);
        }

        // Registered before the watcher may remove it: a job that fails at once exits within milliseconds.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = WatchAsync(process, launch, registered.Task);
        lock (_gate)
        {
            _running[process.Id] = (process, exited, launch.Spec.Chunk);
        }

        registered.SetResult();

        return $"local process {process.Id}";
    }

    public async ValueTask DisposeAsync()
    {
        List<(Process Process, Task Exited, JobChunk? Chunk)> running;
        lock (_gate)
        {
            running = [.. _running.Values];
        }

        foreach (var (process, _, _) in running)
        {
            Signals.Terminate(process.Id);
        }

        var all = Task.WhenAll(running.Select(r => r.Exited));
        if (await Task.WhenAny(all, Task.Delay(StopGrace)) != all)
        {
            // Only those still watched: a finished job's Process is already disposed.
            foreach (var (process, _, _) in running.Where(r => !r.Exited.IsCompleted))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited in the meantime.
                }
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

        foreach (var name in PassedThrough)
        {
            if (configuration[name] is { Length: > 0 } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        foreach (var (name, value) in launch.Spec.ToEnvironment())
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private async Task WatchAsync(Process process, JobLaunch launch, Task registered)
    {
        var processId = process.Id;
        var jobId = launch.JobId;
        var started = DateTimeOffset.UtcNow;
        var tail = new Queue<string>();
        try
        {
            await registered;
            var stdout = ForwardAsync(process.StandardOutput, jobId, tail);
            var stderr = ForwardAsync(process.StandardError, jobId, tail);
            await process.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
            lock (tail)
            {
                _exits.Enqueue(new LocalJobExit(jobId, processId, process.ExitCode, launch.Spec.Chunk)
                {
                    Started = started, Ended = DateTimeOffset.UtcNow, LastLines = [.. tail],
                });
            }

            logger.LogInformation("Job {JobId} (process {ProcessId}) exited with {ExitCode}", jobId, processId, process.ExitCode);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(processId);
            }

            process.Dispose();
            _slots.Release();
        }
    }

    // The job's own lines (JSON in a container, text otherwise), passed through with the job id in front; the last
    // ones are kept for the exit's record.
    private async Task ForwardAsync(StreamReader reader, string jobId, Queue<string> tail)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            logger.LogInformation("job {JobId}: {Line}", jobId, line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > LocalJobExit.LastLinesKept)
                {
                    tail.Dequeue();
                }
            }
        }
    }
}
