using System.Text.Json;
using Amazon.S3.Model;
using Transcoder.Dispatcher.Local;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalPipeline.Playback;
using Transcoder.Shared;
using Transcoder.Shared.Outputs;

namespace Transcoder.LocalPipeline;

/// <summary>One run of the local pipeline on one video, narrated on the terminal.</summary>
/// <param name="maxJobs">Job processes at once: a long source's chunks run this many at a time.</param>
internal sealed class PipelineRun(FileInfo input, string key, DirectoryInfo output, TimeSpan timeout, bool keepRunning, int maxJobs)
{
    // Job settings a task definition would set, taken from this process's environment when given there.
    private static readonly string[] JobSettings = [JobEnvironment.SplitAboveSeconds, JobEnvironment.ChunkSeconds, JobEnvironment.MaxChunks, JobEnvironment.Quality];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Step("starting the S3/SQS emulator (fauxqs), buckets, queue + DLQ, and the Dispatcher with the local launcher");
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.LogFormat] = "text",
            [SettingNames.LocalMaxJobs] = maxJobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // CloudWatch metric lines are noise on a terminal.
            [SettingNames.Metrics] = "off",
        };
        foreach (var name in JobSettings)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                settings[name] = value;
            }
        }
        await using var stack = await PipelineStack.StartAsync(settings, queueVisibilitySeconds: 300, cancellationToken);
        Console.WriteLine($"    emulator {stack.Endpoint}  buckets {PipelineStack.TempBucket}, {PipelineStack.ProdBucket}  queue {stack.QueueUrl}");

        Step($"uploading {input.FullName} to s3://{PipelineStack.TempBucket}/{key} with transcoder upload (presigned URLs) and sending the S3 event notification");
        await stack.UploadAsync(input.FullName, key, cancellationToken, new IndentedWriter(Console.Out));
        foreach (var check in stack.PresignedChecks.Checked)
        {
            Console.WriteLine($"    signature checked: {check}");
        }

        Step("waiting for the job (its log lines follow)");
        if (await WaitForJobAsync(stack, cancellationToken) is not { } exit)
        {
            Console.Error.WriteLine($"LocalPipeline: no manifest after {timeout.TotalSeconds} s; queue {await stack.DepthsAsync(cancellationToken)}");
            return ExitCodes.Transient;
        }

        var folder = await CopyOutputsAsync(stack, exit, cancellationToken);
        var manifest = await PrintRecordAsync(folder, cancellationToken);
        await PrintEventsAsync(stack, cancellationToken);
        if (manifest is not null)
        {
            await PrintLinksAsync(stack, cancellationToken);
        }

        await ServePlayerAsync(folder, manifest?.Hls, stack.Endpoint, cancellationToken);
        return exit.ExitCode;
    }

    /// <returns>
    /// How the job ended (a long source's: the part that failed on bad input, else the last part), or null when it did
    /// not end within the timeout. A long source's first task ends before its chunks start: the job is over when no
    /// process runs and the queue holds no message (each part deletes its own as it exits).
    /// </returns>
    private async Task<LocalJobExit?> WaitForJobAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (stack.Jobs.Exits.Count == 0 || stack.Jobs.RunningProcessIds.Count > 0 || await stack.DepthsAsync(cancellationToken) is not { Visible: 0, InFlight: 0 })
        {
            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(500, cancellationToken);
        }

        var exits = stack.Jobs.Exits;
        return exits.FirstOrDefault(e => e.ExitCode == ExitCodes.BadInput) ?? exits[^1];
    }

    /// <returns>The local folder the upload's outputs were copied to.</returns>
    private async Task<string> CopyOutputsAsync(PipelineStack stack, LocalJobExit exit, CancellationToken cancellationToken)
    {
        var outputs = await stack.OutputsAsync(key, cancellationToken);
        var folder = Path.Combine(output.FullName, OutputFolder.ForObject(PipelineStack.TempBucket, key));
        Directory.CreateDirectory(folder);
        foreach (var item in outputs)
        {
            using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, item.Key, cancellationToken);
            await response.WriteResponseStreamToFileAsync(Path.Combine(folder, Path.GetFileName(item.Key)), append: false, cancellationToken);
        }

        // The job deletes its message as it exits; the emulator may count it a moment later.
        await Task.Delay(1000, cancellationToken);
        var depths = await stack.DepthsAsync(cancellationToken);
        Step($"job exited with {exit.ExitCode}; {outputs.Count} objects under s3://{PipelineStack.ProdBucket}/{PipelineStack.OutputPrefix}{OutputFolder.ForObject(PipelineStack.TempBucket, key)}/");
        foreach (var item in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            PrintObject(item);
        }

        Console.WriteLine($"    copied to {folder}");
        Console.WriteLine($"    queue: {depths.Visible} waiting, {depths.InFlight} in flight; DLQ: {depths.DeadLetters}");
        return folder;
    }

    /// <returns>The manifest when the job wrote one (it printed it, or failure.json when that is what it wrote).</returns>
    private static async Task<JobManifest?> PrintRecordAsync(string folder, CancellationToken cancellationToken)
    {
        var record = new[] { JobManifest.FileName, FailureRecord.FileName }.FirstOrDefault(name => File.Exists(Path.Combine(folder, name)));
        if (record is null)
        {
            return null;
        }

        Step(record);
        var text = await File.ReadAllTextAsync(Path.Combine(folder, record), cancellationToken);
        Console.WriteLine(text);
        return record == JobManifest.FileName ? JsonSerializer.Deserialize(text, ManifestJsonContext.Default.JobManifest) : null;
    }

    // The links `transcoder urls` prints, made by the client itself: the files the manifest names.
    private async Task PrintLinksAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        Step("download URLs (presigned GET, 1 hour)");
        var links = await stack.RunClientAsync(["urls", key, "--expires", "1h"], narration: null, cancellationToken);
        foreach (var link in links.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', 2)))
        {
            Console.WriteLine($"    {link[0],-16} {link[1]}");
        }
    }

    private static void PrintObject(S3Object item) => Console.WriteLine($"    {item.Size,12:N0}  {Path.GetFileName(item.Key)}");

    // What the application would receive: the job's completion event on the results queue.
    private static async Task PrintEventsAsync(PipelineStack stack, CancellationToken cancellationToken)
    {
        Step($"completion event on the results queue {stack.ResultsUrl}");
        foreach (var body in await stack.TakeEventsAsync(TimeSpan.FromSeconds(5), cancellationToken))
        {
            Console.WriteLine(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, Indented));
        }
    }

    // The player page on a loopback file server over the copied outputs (hls.js needs HTTP and byte ranges).
    /// <param name="masterPlaylist">The HLS master playlist the manifest names; null when there is none to play.</param>
    private async Task ServePlayerAsync(string folder, string? masterPlaylist, Uri emulator, CancellationToken cancellationToken)
    {
        await using var player = StaticFileServer.Start(PlayerSite.Folders(output.FullName));
        if (masterPlaylist is not null)
        {
            Step($"play it: {new Uri(player.BaseUrl, PlayerSite.PlayerPath(Path.GetFileName(folder), masterPlaylist))}");
            Console.WriteLine(keepRunning ? "    served until Ctrl-C" : "    served while LocalPipeline runs: add --keep-running to keep it up");
        }

        if (keepRunning)
        {
            Step($"still running: upload more with AWS_ENDPOINT_URL={emulator} (credentials test/test), Ctrl-C to stop");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private static void Step(string text) => Console.WriteLine($"==> {text}");
}
