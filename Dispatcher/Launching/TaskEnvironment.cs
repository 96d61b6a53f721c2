using Transcoder.Dispatcher.Options;
using Transcoder.Shared;

namespace Transcoder.Dispatcher.Launching;

/// <summary>
/// The environment a job is started with: the same names whether it becomes ECS container overrides or a local
/// child process (names from <see cref="JobEnvironment"/>, the contract with TranscodeJob).
/// </summary>
public static class TaskEnvironment
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(JobLaunch launch, DispatcherOptions options)
    {
        var environment = new List<KeyValuePair<string, string>>
        {
            new(JobEnvironment.SourceBucket, launch.Job.Bucket),
            new(JobEnvironment.SourceKey, launch.Job.Key),
            new(JobEnvironment.JobId, launch.Job.JobId),
            new(JobEnvironment.OutputBucket, options.OutputBucket),
            new(JobEnvironment.OutputPrefix, options.OutputPrefix),
            new(JobEnvironment.QueueUrl, options.QueueUrl),
            new(JobEnvironment.ReceiptHandle, launch.ReceiptHandle),
        };
        if (launch.Job.Renditions is { } renditions)
        {
            environment.Add(new(JobEnvironment.Renditions, renditions));
        }

        return environment;
    }
}
