namespace Transcoder.Dispatcher.Launching;

/// <summary>Starts one job somewhere (an ECS task, a local process). The boundary the tests cross with fakes.</summary>
internal interface ITaskLauncher
{
    /// <summary>Starts the job and returns once it is started (not finished).</summary>
    /// <returns>An id of what was started (a task ARN, a process id), for logs.</returns>
    /// <exception cref="LaunchException">The job could not be started; <see cref="LaunchException.IsRetryable"/> says whether later may work.</exception>
    Task<string> LaunchAsync(JobLaunch launch, CancellationToken cancellationToken);
}
