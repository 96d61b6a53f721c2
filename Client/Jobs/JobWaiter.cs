using Transcoder.Shared.Jobs;

namespace Transcoder.Client.Jobs;

/// <summary>
/// Follows the job of an upload by polling its output folder until a manifest.json or failure.json about that upload
/// appears. One about an earlier upload of the same key (the folder is per key) does not count.
/// </summary>
internal sealed class JobWaiter(JobStatusReader reader, TimeProvider time, TimeSpan pollInterval)
{
    /// <returns>The job's end, or the last status seen (processing, or an earlier upload's) when <paramref name="timeout"/> ran out.</returns>
    public Task<JobStatus> WaitAsync(
        OutputFolderLocation folder, SourceRevision revision, DateTimeOffset uploadedAt, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilAsync(folder, status => status.IsAbout(revision, uploadedAt), timeout, cancellationToken);

    /// <summary>Polls until the folder's status is one <paramref name="ended"/> accepts (a caption job's revision, say).</summary>
    /// <returns>That status, or the last one seen when <paramref name="timeout"/> ran out (processing unless it was a failure).</returns>
    public async Task<JobStatus> WaitUntilAsync(OutputFolderLocation folder, Func<JobStatus, bool> ended, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await reader.ReadAsync(folder, cancellationToken);
            if (ended(status))
            {
                return status;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return status is JobProcessing ? status : new JobProcessing(folder);
            }

            await Task.Delay(left < pollInterval ? left : pollInterval, time, cancellationToken);
        }
    }
}
