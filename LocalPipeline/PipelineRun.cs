using System.Text.Json;
using Transcoder.Client.Aws;
using Transcoder.Client.Jobs;
using Transcoder.Client.Urls;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalPipeline.Playback;
using Transcoder.Shared;

namespace Transcoder.LocalPipeline;

/// <summary>One run of the local pipeline on one video, narrated on the terminal.</summary>
internal sealed class PipelineRun(FileInfo input, string key, DirectoryInfo output, TimeSpan timeout, bool keepRunning)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Step("starting the S3/SQS emulator (fauxqs), buckets, queue + DLQ, and the Dispatcher with the local launcher");
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.LogFormat] = "text",
            [SettingNames.LocalMaxJobs] = "1",
            // CloudWatch metric lines are noise on a terminal.
            [SettingNames.Metrics] = "off",
        };
        await using var stack = await PipelineStack.StartAsync(settings, queueVisibilitySeconds: 300, cancellationToken);
        Console.WriteLine($"    emulator {stack.Endpoint}  buckets {PipelineStack.TempBucket}, {PipelineStack.ProdBucket}  queue {stack.QueueUrl}");

        Step($"uploading {input.FullName} to s3://{PipelineStack.TempBucket}/{key} through presigned URLs (as transcoder upload does) and sending the S3 event notification");
        await stack.UploadAsync(input.FullName, key, cancellationToken);
        foreach (var check in stack.PresignedChecks.Checked)
        {
            Console.WriteLine($"    signature checked: {check}");
        }

        Step("waiting for the job (its log lines follow)");
        var manifestKey = PipelineStack.OutputKey(key, "manifest.json");
        var failureKey = PipelineStack.OutputKey(key, "failure.json");
        var deadline = DateTime.UtcNow + timeout;
        var finished = false;
        while (!finished)
        {
            if (DateTime.UtcNow > deadline)
            {
                Console.Error.WriteLine($"LocalPipeline: no manifest after {timeout.TotalSeconds} s; queue {await stack.DepthsAsync(cancellationToken)}");
                return ExitCodes.Transient;
            }

            await Task.Delay(500, cancellationToken);
            finished = stack.Jobs.Exits.Count > 0 && stack.Jobs.RunningProcessIds.Count == 0;
        }

        var exit = stack.Jobs.Exits[^1];
        var outputs = await stack.OutputsAsync(key, cancellationToken);
        var folder = Path.Combine(output.FullName, OutputFolder.ForObject(PipelineStack.TempBucket, key));
        Directory.CreateDirectory(folder);
        foreach (var item in outputs)
        {
            using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, item.Key, cancellationToken);
            await response.WriteResponseStreamToFileAsync(Path.Combine(folder, Path.GetFileName(item.Key)), append: false, cancellationToken);
        }

        await Task.Delay(1000, cancellationToken);
        var depths = await stack.DepthsAsync(cancellationToken);
        Step($"job exited with {exit.ExitCode}; {outputs.Count} objects under s3://{PipelineStack.ProdBucket}/{PipelineStack.OutputPrefix}{OutputFolder.ForObject(PipelineStack.TempBucket, key)}/");
        foreach (var item in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {item.Size,12:N0}  {Path.GetFileName(item.Key)}");
        }

        Console.WriteLine($"    copied to {folder}");
        Console.WriteLine($"    queue: {depths.Visible} waiting, {depths.InFlight} in flight; DLQ: {depths.DeadLetters}");
        var record = outputs.Any(o => o.Key == manifestKey) ? "manifest.json" : outputs.Any(o => o.Key == failureKey) ? "failure.json" : null;
        if (record is not null)
        {
            Step(record);
            Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(folder, record), cancellationToken));
        }

        // What the application would receive: the job's completion event on the results queue.
        Step($"completion event on the results queue {stack.ResultsUrl}");
        foreach (var body in await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken))
        {
            Console.WriteLine(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, Indented));
        }

        if (record == "manifest.json")
        {
            // The links `transcoder urls` prints, made by the client's own code: the files the manifest names.
            Step("download URLs (presigned GET, 1 hour)");
            var manifest = JsonSerializer.Deserialize(
                await File.ReadAllTextAsync(Path.Combine(folder, record), cancellationToken), JobDocumentsJson.Default.ManifestSummary)!;
            var presigner = new Presigner(stack.S3, TimeProvider.System);
            foreach (var file in OutputLinks.FilesOf(manifest))
            {
                var url = await presigner.GetObjectAsync(PipelineStack.ProdBucket, PipelineStack.OutputKey(key, file), TimeSpan.FromHours(1));
                Console.WriteLine($"    {file,-16} {url}");
            }
        }

        // The player page on a loopback file server over the copied outputs (hls.js needs HTTP and byte ranges).
        await using var player = StaticFileServer.Start(PlayerSite.Folders(output.FullName));
        var folderName = Path.GetFileName(folder);
        if (File.Exists(Path.Combine(folder, "master.m3u8")))
        {
            Step($"play it: {new Uri(player.BaseUrl, PlayerSite.PlayerPath(folderName))}");
            Console.WriteLine(keepRunning ? "    served until Ctrl-C" : "    served while LocalPipeline runs: add --keep-running to keep it up");
        }

        if (keepRunning)
        {
            Step($"still running: upload more with AWS_ENDPOINT_URL={stack.Endpoint} (credentials test/test), Ctrl-C to stop");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return exit.ExitCode;
    }

    private static void Step(string text) => Console.WriteLine($"==> {text}");
}
