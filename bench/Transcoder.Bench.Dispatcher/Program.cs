using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Transcoder.Bench.Dispatcher;
using Transcoder.Shared;
using Transcoder.Shared.Messages;
using Transcoder.LocalAws;
using Transcoder.LocalAws.Ecs;

// Dispatcher benchmark: the real Dispatcher process (as ECS runs it: environment, JSON logs) against the fauxqs
// emulator and the fake ECS endpoint. Run:  dotnet run -c Release --project bench/Transcoder.Bench.Dispatcher
var messagesOption = new Option<int>("--messages") { Description = "Messages queued up front for the throughput figure.", DefaultValueFactory = _ => 1000 };
var latencyOption = new Option<int>("--latency-messages") { Description = "Messages sent one by one at --rate for the latency figures.", DefaultValueFactory = _ => 300 };
var rateOption = new Option<int>("--rate") { Description = "Messages per second in the latency phase.", DefaultValueFactory = _ => 50 };
var idleOption = new Option<int>("--idle-seconds") { Description = "Length of the idle phase.", DefaultValueFactory = _ => 60 };
var concurrencyOption = new Option<int>("--concurrency") { Description = "DISPATCH_CONCURRENCY of the dispatcher.", DefaultValueFactory = _ => 16 };
var dispatcherOption = new Option<string?>("--dispatcher")
{
    Description = "The dispatcher to measure: a native executable (a Native AOT publish) or Dispatcher.dll; default the JIT build next to this benchmark.",
};
var environmentOption = new Option<string[]>("--env")
{
    Description = "Extra NAME=VALUE for the dispatcher's environment (e.g. DOTNET_GCgen0size=0x400000), repeatable.",
    DefaultValueFactory = _ => [],
};
var root = new RootCommand("Measures the dispatcher's RunTask rate, dispatch latency and idle footprint.")
{
    messagesOption, latencyOption, rateOption, idleOption, concurrencyOption, dispatcherOption, environmentOption,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var total = parse.GetValue(messagesOption);
    await using var emulator = await FauxqsEmulator.StartAsync(cancellationToken);
    using var sqs = emulator.CreateSqsClient();
    var queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest("bench-uploads") { Attributes = new() { ["VisibilityTimeout"] = "600" } }, cancellationToken)).QueueUrl;
    await using var ecs = new FakeEcs();

    // Throughput: a backlog of messages, then the dispatcher starts and drains it.
    var backlog = Enumerable.Range(0, total).Select(i => $"bench/backlog-{i}.mp4").ToList();
    await SendBatchesAsync(sqs, queueUrl, backlog, cancellationToken);
    var environment = new Dictionary<string, string>
    {
        ["SQS_QUEUE_URL"] = queueUrl,
        ["BUCKET_NAME_PROD"] = "prod",
        ["ECS_CLUSTER"] = "bench",
        ["ECS_TASK_DEF"] = "transcode-job:1",
        ["ECS_CONTAINER_NAME"] = "transcode-job",
        ["ECS_SUBNETS"] = "subnet-1",
        ["AWS_REGION"] = FauxqsEmulator.Region,
        ["AWS_ENDPOINT_URL"] = emulator.Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_ECS"] = ecs.Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = FakeEcs.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = FakeEcs.SecretKey,
        ["DISPATCH_CONCURRENCY"] = parse.GetValue(concurrencyOption).ToString(CultureInfo.InvariantCulture),
        ["LOG_FORMAT"] = "json",
    };
    foreach (var setting in parse.GetValue(environmentOption)!)
    {
        var separator = setting.IndexOf('=', StringComparison.Ordinal);
        environment[setting[..separator]] = setting[(separator + 1)..];
    }

    var started = Stopwatch.GetTimestamp();
    var dispatcherPath = Path.GetFullPath(parse.GetValue(dispatcherOption) ?? Path.Combine(AppContext.BaseDirectory, "Dispatcher.dll"));
    var build = dispatcherPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "JIT build" : "native executable";
    await using var dispatcher = dispatcherPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        ? ChildProcess.StartDotnet(dispatcherPath, [], environment)
        : ChildProcess.Start(dispatcherPath, [], environment);
    await WaitForAsync(() => ecs.StartedTasks.Count >= total, TimeSpan.FromMinutes(5), "the backlog dispatched", dispatcher, cancellationToken);
    var arrivals = ecs.Requests.Select(r => r.ArrivedAt).Order().ToList();
    var drain = Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1]);
    var fromStart = Stopwatch.GetElapsedTime(started, arrivals[^1]);
    var firstTask = Stopwatch.GetElapsedTime(started, arrivals[0]);

    // Latency: messages sent one at a time at a steady rate, from SendMessage to the RunTask call arriving.
    var rate = parse.GetValue(rateOption);
    var sentAt = new Dictionary<string, long>();
    var latencyKeys = Enumerable.Range(0, parse.GetValue(latencyOption)).Select(i => $"bench/latency-{i}.mp4").ToList();
    var pacing = Stopwatch.StartNew();
    for (var i = 0; i < latencyKeys.Count; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate) - pacing.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, cancellationToken);
        }

        sentAt[latencyKeys[i]] = Stopwatch.GetTimestamp();
        await sqs.SendMessageAsync(queueUrl, Upload(latencyKeys[i]), cancellationToken);
    }

    await WaitForAsync(() => ecs.StartedTasks.Count >= total + latencyKeys.Count, TimeSpan.FromMinutes(2), "the latency messages dispatched", dispatcher, cancellationToken);
    var latencies = ecs.Requests
        .Select(r => (Key: r.Environment(JobEnvironment.SourceKey), r.ArrivedAt))
        .Where(r => sentAt.ContainsKey(r.Key))
        .Select(r => Stopwatch.GetElapsedTime(sentAt[r.Key], r.ArrivedAt).TotalMilliseconds)
        .ToList();

    // Idle: nothing queued; the dispatcher only long-polls.
    await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
    var idleSeconds = parse.GetValue(idleOption);
    var before = ProcessSample.Read(dispatcher.Id);
    var maxRss = before.RssBytes;
    var idleClock = Stopwatch.StartNew();
    while (idleClock.Elapsed < TimeSpan.FromSeconds(idleSeconds))
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        maxRss = Math.Max(maxRss, ProcessSample.Read(dispatcher.Id).RssBytes);
    }

    var after = ProcessSample.Read(dispatcher.Id);
    var idleCpu = (after.CpuTime - before.CpuTime) / idleClock.Elapsed;

    var stopClock = Stopwatch.StartNew();
    dispatcher.Signal(ChildProcess.SigTerm);
    var exitCode = await dispatcher.WaitForExitAsync(cancellationToken);
    var stop = stopClock.Elapsed;

    var duplicates = ecs.Requests.Count - ecs.StartedTasks.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        cores: {Environment.ProcessorCount}; dispatcher: DISPATCH_CONCURRENCY={environment["DISPATCH_CONCURRENCY"]}, JSON logs, {build} ({dispatcherPath}) {string.Join(' ', parse.GetValue(environmentOption)!)}; emulator fauxqs 1.9.2 and the fake ECS on loopback
        throughput  {total} queued messages: {(total - 1) / drain.TotalSeconds:0} RunTask/s from the first RunTask to the last ({drain.TotalSeconds:0.00} s); {total / fromStart.TotalSeconds:0} /s including start-up; first RunTask {firstTask.TotalMilliseconds:0} ms after the process started
        latency     {latencies.Count} messages at {rate}/s, SendMessage → RunTask: p50 {Percentiles.Of(latencies, 50):0.0} ms, p99 {Percentiles.Of(latencies, 99):0.0} ms, max {latencies.Max():0.0} ms
        idle        {idleSeconds} s: RSS {after.RssBytes / 1048576.0:0.0} MiB (max {maxRss / 1048576.0:0.0} MiB), CPU {idleCpu * 100:0.00}% of one core
        shutdown    SIGTERM → exit {exitCode} in {stop.TotalMilliseconds:0} ms; repeated RunTask calls (same client token): {duplicates}
        """));
    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task SendBatchesAsync(IAmazonSQS sqs, string queueUrl, IReadOnlyList<string> keys, CancellationToken cancellationToken)
{
    var batches = keys.Chunk(10).ToList();
    await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
    {
        var entries = batch.Select((key, i) => new SendMessageBatchRequestEntry($"m{i}", Upload(key))).ToList();
        await sqs.SendMessageBatchAsync(new SendMessageBatchRequest(queueUrl, entries), ct);
    });
}

static string Upload(string key) =>
    S3EventNotificationJson.ObjectCreated("temp", key, 1_000_000, Guid.NewGuid().ToString("N"), "us-east-1", DateTimeOffset.UtcNow);

static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, ChildProcess dispatcher, CancellationToken cancellationToken)
{
    var clock = Stopwatch.StartNew();
    while (!condition())
    {
        if (clock.Elapsed > timeout)
        {
            throw new TimeoutException($"timed out waiting for {what}; dispatcher stderr:\n{dispatcher.Stderr}");
        }

        await Task.Delay(5, cancellationToken);
    }
}
