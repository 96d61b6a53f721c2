using System.Globalization;
using Transcoder.Client.Hosting;
using Transcoder.Client.Progress;
using Transcoder.Shared.Outputs;

namespace Transcoder.Client.Jobs;

/// <summary>Prints a status as <c>name: value</c> lines (the same for <c>status</c> and <c>upload --wait</c>) and gives its exit code.</summary>
internal static class JobStatusPrinter
{
    public static int Print(JobStatus status, TextWriter output)
    {
        switch (status)
        {
            case JobDone done:
                PrintDone(done, output);
                return ClientExitCodes.Success;
            case JobFailed failed:
                output.WriteLine("status: failed");
                output.WriteLine($"folder: {failed.Folder}");
                output.WriteLine($"job: {failed.Failure.JobId}");
                output.WriteLine($"failed: {Time(failed.Failure.FailedAt)}");
                output.WriteLine($"reason: {failed.Failure.Error}");
                return ClientExitCodes.JobFailed;
            default:
                output.WriteLine("status: processing");
                output.WriteLine($"folder: {status.Folder} (no {JobManifest.FileName} or {FailureRecord.FileName} for this upload yet)");
                return ClientExitCodes.NotYet;
        }
    }

    private static void PrintDone(JobDone done, TextWriter output)
    {
        var manifest = done.Manifest;
        output.WriteLine("status: done");
        output.WriteLine($"folder: {done.Folder}");
        output.WriteLine($"job: {manifest.JobId}");
        output.WriteLine($"completed: {Time(manifest.CompletedAt)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duration: {manifest.Source.DurationSeconds:0.###} s"));
        output.WriteLine("renditions: " + string.Join(", ", manifest.Renditions.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Name} ({r.Width}x{r.Height}, {r.Bitrate / 1000.0:0} kb/s)"))));
        if (manifest.Subtitles.Count > 0)
        {
            output.WriteLine("subtitles: " + string.Join(", ", manifest.Subtitles.Select(s => $"{s.Name} ({s.Language ?? "und"}, {s.File})")));
        }

        if (manifest.Passthrough is { } passthrough)
        {
            output.WriteLine($"passthrough: {passthrough}");
        }

        output.WriteLine("files:");
        var width = manifest.Files.Select(f => f.File.Length).DefaultIfEmpty(0).Max();
        var roleWidth = manifest.Files.Select(f => f.Role.Length).DefaultIfEmpty(0).Max();
        foreach (var file in manifest.Files)
        {
            output.WriteLine($"  {file.File.PadRight(width)}  {file.Role.PadRight(roleWidth)}  {ByteSize.Format(file.Size)}");
        }
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
