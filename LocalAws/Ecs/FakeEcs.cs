using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Transcoder.LocalAws.Ecs;

/// <summary>
/// A small stand-in for ECS's RunTask endpoint on loopback: checks each request's SigV4 signature, answers like ECS
/// (a task, or <c>failures</c>, or an error such as throttling, as <see cref="Behaviour"/> decides), and remembers
/// every request. Like ECS it returns the same task for a repeated <c>clientToken</c>.
/// </summary>
public sealed class FakeEcs : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKEECS";
    public const string SecretKey = "fake-ecs-secret";

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, string> _tasksByToken = new();
    private int _calls;
    private int _describeCalls;

    public FakeEcs() => _server = new LoopbackHttpServer(AnswerAsync);

    public int Port => _server.Port;

    public Uri Endpoint => _server.BaseUrl;

    /// <summary>Decides the answer to call number n (from 1); null means "start the task".</summary>
    public Func<int, JsonElement, FakeEcsAnswer?> Behaviour { get; set; } = (_, _) => null;

    /// <summary>What DescribeTasks says about a started task (by ARN); RUNNING unless set.</summary>
    public Func<string, FakeTaskState> TaskState { get; set; } = _ => FakeTaskState.Running;

    /// <summary>How many DescribeTasks calls arrived.</summary>
    public int DescribeCalls => Volatile.Read(ref _describeCalls);

    /// <summary>Optional pause before answering, to hold a dispatch in flight.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public ConcurrentQueue<RecordedRunTask> Requests { get; } = new();

    /// <summary>The distinct tasks started (a repeated client token starts none).</summary>
    public IReadOnlyCollection<string> StartedTasks => [.. _tasksByToken.Values];

    public ConcurrentQueue<string> Rejections { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        var problem = SigV4Verifier.Verify(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers, bytes, SecretKey, "ecs");
        if (problem is null && SigV4Verifier.AccessKeyOf(context.Request.Headers["Authorization"]) != AccessKey)
        {
            problem = "signed with another access key";
        }

        if (problem is not null)
        {
            Rejections.Enqueue(problem);
            await WriteAsync(context, 403, $$"""{"__type":"InvalidSignatureException","message":{{JsonSerializer.Serialize(problem)}}}""");
            return;
        }

        if (context.Request.Headers["X-Amz-Target"] == "AmazonEC2ContainerServiceV20141113.DescribeTasks")
        {
            Interlocked.Increment(ref _describeCalls);
            await WriteAsync(context, 200, DescribeTasksAnswer(bytes));
            return;
        }

        if (context.Request.Headers["X-Amz-Target"] != "AmazonEC2ContainerServiceV20141113.RunTask")
        {
            await WriteAsync(context, 400, """{"__type":"UnknownOperationException"}""");
            return;
        }

        using var document = JsonDocument.Parse(bytes);
        var request = document.RootElement.Clone();
        var call = Interlocked.Increment(ref _calls);
        Requests.Enqueue(new RecordedRunTask(call, request, context.Request.Headers["Content-Type"], arrivedAt));
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay);
        }

        var answer = Behaviour(call, request);
        if (answer is { StatusCode: var status, Body: var errorBody })
        {
            await WriteAsync(context, status, errorBody);
            return;
        }

        var token = request.GetProperty("clientToken").GetString()!;
        var taskArn = _tasksByToken.GetOrAdd(token, _ => $"arn:aws:ecs:us-east-1:000000000000:task/fake/{Guid.NewGuid():N}");
        await WriteAsync(context, 200, $$"""{"tasks":[{"taskArn":"{{taskArn}}","lastStatus":"PROVISIONING"}],"failures":[]}""");
    }

    // ECS's shape: one description per known task, a MISSING failure per unknown ARN.
    private string DescribeTasksAnswer(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var known = StartedTasks.ToHashSet();
        var tasks = new List<object>();
        var failures = new List<object>();
        foreach (var arn in document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()!))
        {
            if (!known.Contains(arn))
            {
                failures.Add(new Dictionary<string, string> { ["arn"] = arn, ["reason"] = "MISSING" });
                continue;
            }

            var state = TaskState(arn);
            var container = new Dictionary<string, object?> { ["name"] = "transcode-job", ["lastStatus"] = state.LastStatus };
            if (state.ExitCode is { } exitCode)
            {
                container["exitCode"] = exitCode;
            }

            var task = new Dictionary<string, object?> { ["taskArn"] = arn, ["lastStatus"] = state.LastStatus, ["containers"] = new[] { container } };
            if (state.StopCode is not null)
            {
                task["stopCode"] = state.StopCode;
                task["stoppedReason"] = state.StoppedReason;
            }

            tasks.Add(task);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["tasks"] = tasks, ["failures"] = failures });
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string json)
    {
        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            var bytes = Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
            // The client went away.
        }
    }
}
