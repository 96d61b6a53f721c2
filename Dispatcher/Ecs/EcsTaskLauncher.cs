using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Transcoder.Dispatcher.Launching;
using Transcoder.Dispatcher.Options;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>Starts each job as one ECS task with RunTask, through <see cref="EcsResilience"/>.</summary>
internal sealed class EcsTaskLauncher(
    IEcsApi ecs, DispatcherOptions options, ResiliencePipeline pipeline, ILogger<EcsTaskLauncher> logger, LaunchPause? pause = null)
    : ITaskLauncher
{
    public async Task<string> LaunchAsync(JobLaunch launch, CancellationToken cancellationToken)
    {
        var request = RunTaskRequestFactory.Create(launch, options);
        try
        {
            RunTaskResponse response;
            try
            {
                response = await RunAsync(request, cancellationToken);
            }
            catch (RunTaskFailuresException failures) when (options.Ecs.SpotFallback && IsSpotCapacityShortage(request, failures))
            {
                // Spot has no capacity: on-demand Fargate rather than a job waiting for Spot. Another client token, as
                // ECS refuses a token reused with other parameters (ConflictException).
                logger.LogWarning("No Fargate Spot capacity ({Error}); launching on FARGATE (on-demand) instead", failures.Message);
                response = await RunAsync(
                    request with { CapacityProviderStrategy = null, LaunchType = "FARGATE", ClientToken = OnDemandToken(request.ClientToken) },
                    cancellationToken);
            }

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

    private Task<RunTaskResponse> RunAsync(RunTaskRequest request, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
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
            cancellationToken).AsTask();

    // "Capacity is unavailable at this time" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html)
    // for a request whose strategy uses FARGATE_SPOT.
    private static bool IsSpotCapacityShortage(RunTaskRequest request, RunTaskFailuresException failures) =>
        request.CapacityProviderStrategy?.Any(p => p.CapacityProvider == "FARGATE_SPOT") == true
        && failures.Failures.Any(f => f.Reason?.Contains("Capacity is unavailable", StringComparison.OrdinalIgnoreCase) == true);

    // clientToken is at most 64 characters.
    private static string OnDemandToken(string token) => (token.Length > 60 ? token[..60] : token) + "-od";
}
