using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>Starts each job as one ECS task with RunTask, through <see cref="EcsResilience"/>.</summary>
public sealed class EcsTaskLauncher(
    IEcsApi ecs, DispatcherOptions options, ResiliencePipeline pipeline, ILogger<EcsTaskLauncher> logger, LaunchPause? pause = null)
    : ITaskLauncher
{
    public async Task<string> LaunchAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        var request = RunTaskRequestFactory.Create(launch, options);
        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    // The call itself is not cancelled on shutdown (the client's timeout bounds it): a RunTask cut off
                    // mid-flight may still start a task, and the message would then be released and launched twice.
                    // Shutdown cancels only the waits between attempts.
                    ct.ThrowIfCancellationRequested();
                    var answer = await state.ecs.RunTaskAsync(state.request, CancellationToken.None);
                    // A task in the answer is a success even when failures are listed beside it (count is 1).
                    if (answer.Tasks is not { Count: > 0 })
                    {
                        throw new RunTaskFailuresException(answer.Failures ?? [new EcsFailure(null, "NO_TASK", "RunTask answered without a task or failure")]);
                    }

                    return answer;
                },
                (ecs, request),
                cancellationToken);
            var taskArn = response.Tasks![0].TaskArn ?? "(no arn)";
            logger.LogDebug("RunTask started {TaskArn}", taskArn);
            return taskArn;
        }
        catch (BrokenCircuitException exception)
        {
            // The poller stops receiving until the circuit may close again (Polly tells when; 30 s is the break).
            pause?.For(exception.RetryAfter ?? TimeSpan.FromSeconds(30));
            throw new LaunchException("ECS is failing; not calling RunTask for a while (circuit open)", isRetryable: true, exception);
        }
        catch (Exception exception) when (exception is EcsApiException or RunTaskFailuresException or HttpRequestException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new LaunchException(exception.Message, EcsResilience.IsTransient(exception), exception);
        }
    }
}
