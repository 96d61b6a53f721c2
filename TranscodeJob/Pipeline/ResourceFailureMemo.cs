using System.Text.Json;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// Remembers, in the output folder, that ffmpeg or ffprobe ran out of resources on an upload. Once may be the
/// machine's fault (a neighbour's memory, a bad host): the message comes back for another task. Twice on the same
/// revision is the input's: a file that runs ffmpeg out of memory would otherwise be retried until the DLQ, every
/// attempt killed the same way. The memo is not in the manifest, so a later success removes it with the stale files.
/// </summary>
internal sealed class ResourceFailureMemo(IOutputStore output)
{
    public const string FileName = "resource-failure.json";

    /// <summary>
    /// The failure to throw for <paramref name="failure"/>: transient the first time on this revision (and the memo
    /// written), bad input the second time.
    /// </summary>
    public async Task<JobException> WeighAsync(JobException failure, SourceRevision revision, string workDir)
    {
        // Not cancellable: the decision must be recorded even when the job is being stopped.
        var earlier = await ReadAsync();
        if (earlier?.Revision == revision.ToString())
        {
            await output.DeleteAsync(FileName, CancellationToken.None);
            return JobException.BadInput($"{failure.Message}, for the second time on this upload: the input needs more than the job's task has", detail: failure.Detail);
        }

        var path = Path.Combine(workDir, $"resource-failure-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new Memo(revision.ToString(), failure.Message), ResourceFailureMemoJsonContext.Default.Memo));
            await output.WriteFileAsync(FileName, path, "application/json", CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }

        return failure;
    }

    private async Task<Memo?> ReadAsync()
    {
        var json = await output.ReadTextAsync(FileName, CancellationToken.None);
        try
        {
            return json is null ? null : JsonSerializer.Deserialize(json, ResourceFailureMemoJsonContext.Default.Memo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record Memo(string Revision, string Error);
}
