using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Events;

/// <summary>
/// POSTs the event to the application's webhook, signed (<see cref="WebhookSignature"/>) and retried with Polly on
/// network errors, timeouts, 429 and 5xx: exponential backoff with jitter, a fresh signature per attempt. A 4xx other
/// than 429 is the receiver refusing this event, and is not retried.
/// </summary>
internal sealed class WebhookSender(HttpClient http, Uri url, string secret, TimeProvider time, ILogger logger, TimeSpan? firstRetryDelay = null)
    : IEventSender
{
    public const int MaxAttempts = 5;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                .HandleResult(response => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstRetryDelay ?? TimeSpan.FromSeconds(1),
            OnRetry = args =>
            {
                logger.LogWarning("Webhook attempt {Attempt} failed ({Reason}); retrying in {Seconds:0.0} s",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}", args.RetryDelay.TotalSeconds);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public string Name => "webhook";

    public async Task SendAsync(JobEvent jobEvent, string body, CancellationToken cancellationToken)
    {
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Json) };
                request.Content.Headers.ContentType = Json;
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, time.GetUtcNow(), body));
                request.Headers.Add("Transcoder-Event", jobEvent.Type);
                return await http.SendAsync(request, token);
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the webhook answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
    }
}
