using System.Text.Json;
using Transcoder.Dispatcher.Options;
using Transcoder.LocalAws;
using Transcoder.LocalPipeline;
using Transcoder.Shared;
using Transcoder.Shared.Outputs;

namespace Transcoder.Bench.Job.Chunks;

/// <summary>Uploads through the whole local pipeline (emulator, dispatcher, local launcher), whole or cut into chunks.</summary>
internal static class PipelineRuns
{
    private const string Key = "uploads/long.mp4";

    /// <param name="chunkSeconds">With a value, the source is cut into chunks of about that length (at most 5), two at a time.</param>
    /// <param name="stopAfter">With a value, the first chunk task to have run that long is stopped with SIGTERM, as Spot stops a task.</param>
    public static async Task<PipelineRunResult> RunAsync(
        string source, string scratch, string name, int? chunkSeconds, TimeSpan? stopAfter, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            [SettingNames.LocalMaxJobs] = chunkSeconds is null ? "1" : "2",
            [SettingNames.LogFormat] = "text",
            [SettingNames.Metrics] = "off",
            [JobEnvironment.WorkDir] = scratch,
            [JobEnvironment.Quality] = "off",
            [JobEnvironment.SplitAboveSeconds] = chunkSeconds is null ? "1000000" : "30",
            [JobEnvironment.ChunkSeconds] = $"{chunkSeconds ?? 120}",
            [JobEnvironment.MaxChunks] = "5",
        };
        await using var stack = await PipelineStack.StartAsync(settings, queueVisibilitySeconds: 600, cancellationToken);
        var cpu = ChildCpuTime.Read();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await stack.UploadAsync(source, Key, cancellationToken);
        var stopped = stopAfter is null;
        while (stack.Jobs.Exits.Count == 0 || stack.Jobs.RunningProcessIds.Count > 0 || await stack.DepthsAsync(cancellationToken) is not { Visible: 0, InFlight: 0 })
        {
            if (!stopped && stack.Jobs.RunningChunks.Keys.FirstOrDefault(pid => RunningFor(pid) > stopAfter) is var pid and > 0)
            {
                ChildProcess.Signal(pid, ChildProcess.SigTerm);
                stopped = true;
            }

            await Task.Delay(250, cancellationToken);
        }

        var wall = clock.Elapsed;
        var used = ChildCpuTime.Read() - cpu;
        var folder = await CopyOutputsAsync(stack, Path.Combine(scratch, name), cancellationToken);
        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, JobManifest.FileName), cancellationToken), ManifestJsonContext.Default.JobManifest)!;
        return new PipelineRunResult(wall, used, stack.Jobs.Exits, folder, manifest);
    }

    private static TimeSpan RunningFor(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return DateTime.Now - process.StartTime;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private static async Task<string> CopyOutputsAsync(PipelineStack stack, string folder, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var item in await stack.OutputsAsync(Key, cancellationToken))
        {
            using var response = await stack.S3.GetObjectAsync(PipelineStack.ProdBucket, item.Key, cancellationToken);
            await response.WriteResponseStreamToFileAsync(Path.Combine(folder, Path.GetFileName(item.Key)), append: false, cancellationToken);
        }

        return folder;
    }
}
