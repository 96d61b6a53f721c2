using System.Net.Http.Headers;
using System.Text.Json;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// RunTask over ECS's JSON 1.1 protocol: one POST with <c>X-Amz-Target</c>, signed with SigV4 by the
/// <see cref="HttpClient"/>'s handler (<see cref="EcsHttpClientFactory"/>).
/// </summary>
internal sealed class EcsHttpApi(HttpClient http, Uri endpoint) : IEcsApi
{
    private const string RunTaskTarget = "AmazonEC2ContainerServiceV20141113.RunTask";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    public async Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, EcsJsonContext.Default.RunTaskRequest);
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
        };
        message.Headers.Add("X-Amz-Target", RunTaskTarget);

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response, payload);
        }

        return JsonSerializer.Deserialize(payload, EcsJsonContext.Default.RunTaskResponse)
               ?? throw new EcsApiException("InvalidResponse", "RunTask answered with an empty body", response.StatusCode);
    }

    private static EcsApiException ToException(HttpResponseMessage response, byte[] payload)
    {
        EcsErrorBody? error = null;
        try
        {
            error = payload.Length > 0 ? JsonSerializer.Deserialize(payload, EcsJsonContext.Default.EcsErrorBody) : null;
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status code still classifies it.
        }

        // "__type" may carry a namespace: "com.amazonaws.ecs#ThrottlingException".
        var header = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var type = error?.Type ?? header ?? $"Http{(int)response.StatusCode}";
        var code = type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        return new EcsApiException(code, error?.Message ?? error?.MessageUpper ?? response.ReasonPhrase ?? "no message", response.StatusCode);
    }
}
