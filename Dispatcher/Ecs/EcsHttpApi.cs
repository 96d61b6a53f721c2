using System.Net.Http.Headers;
using System.Text.Json;

namespace Transcoder.Dispatcher.Ecs;

/// <summary>
/// RunTask and DescribeTasks over ECS's JSON 1.1 protocol: one POST with <c>X-Amz-Target</c> each, signed with SigV4
/// by the <see cref="HttpClient"/>'s handler (<see cref="EcsHttpClientFactory"/>).
/// </summary>
internal sealed class EcsHttpApi(HttpClient http, Uri endpoint) : IEcsApi
{
    private const string RunTaskTarget = "AmazonEC2ContainerServiceV20141113.RunTask";
    private const string DescribeTasksTarget = "AmazonEC2ContainerServiceV20141113.DescribeTasks";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    public async Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken)
    {
        var (payload, status) = await PostAsync(RunTaskTarget, JsonSerializer.SerializeToUtf8Bytes(request, EcsJsonContext.Default.RunTaskRequest), cancellationToken);
        return JsonSerializer.Deserialize(payload, EcsJsonContext.Default.RunTaskResponse)
               ?? throw new EcsApiException("InvalidResponse", "RunTask answered with an empty body", status);
    }

    public async Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken)
    {
        var (payload, status) = await PostAsync(
            DescribeTasksTarget, JsonSerializer.SerializeToUtf8Bytes(request, EcsJsonContext.Default.DescribeTasksRequest), cancellationToken);
        return JsonSerializer.Deserialize(payload, EcsJsonContext.Default.DescribeTasksResponse)
               ?? throw new EcsApiException("InvalidResponse", "DescribeTasks answered with an empty body", status);
    }

    private async Task<(byte[] Payload, System.Net.HttpStatusCode Status)> PostAsync(string target, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
        };
        message.Headers.Add("X-Amz-Target", target);

        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response, payload);
        }

        return (payload, response.StatusCode);
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
