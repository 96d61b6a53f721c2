namespace Transcoder.Client.Jobs;

/// <summary>
/// Follows a caption job by polling the video's output folder until its manifest lists the caption file, revised after
/// the caption was uploaded.
/// </summary>
internal sealed class CaptionWaiter(JobStatusReader reader, TimeProvider time, TimeSpan pollInterval)
{
    /// <returns>The folder's status once it lists the caption; when <paramref name="timeout"/> runs out, processing.</returns>
    public async Task<JobStatus> WaitAsync(
        OutputFolderLocation folder, string captionFileName, DateTimeOffset uploadedAt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await reader.ReadAsync(folder, cancellationToken);
            if (status is JobDone done && done.Manifest.CompletedAt >= uploadedAt
                && done.Manifest.Subtitles.Any(s => s.SourceFile == captionFileName))
            {
                return status;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new JobProcessing(folder);
            }

            await Task.Delay(left < pollInterval ? left : pollInterval, time, cancellationToken);
        }
    }
}
