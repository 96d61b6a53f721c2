using Transcoder.TranscodeJob.Errors;

namespace Transcoder.TranscodeJob.Workspace;

/// <summary>
/// One temporary folder per job, holding the downloaded source and the outputs before upload. Disposing removes
/// it, on success, on failure and on SIGTERM alike (ffmpeg has been stopped by then).
/// </summary>
internal sealed class JobWorkspace : IDisposable
{
    private JobWorkspace(string root) => Root = root;

    public string Root { get; }

    public static JobWorkspace Create(string parent, string jobId)
    {
        try
        {
            var root = Path.Combine(Path.GetFullPath(parent), $"transcode-{jobId[..Math.Min(12, jobId.Length)]}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(root);
            return new JobWorkspace(root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw JobException.Transient($"cannot create a workspace under {parent}: {exception.Message}", exception);
        }
    }

    public string PathFor(string fileName) => Path.Combine(Root, fileName);

    /// <summary>What the disk under the workspace has free now.</summary>
    public long FreeBytes => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Fails early, with the numbers, rather than with a half-written file when the disk fills up.</summary>
    public void EnsureFreeSpace(long bytesNeeded, string purpose)
    {
        var available = FreeBytes;
        if (available < bytesNeeded)
        {
            throw JobException.Transient(
                $"not enough disk space for {purpose}: about {Mebibytes(bytesNeeded)} MiB needed, {Mebibytes(available)} MiB free in {Root} (raise the task's ephemeral storage)");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private static long Mebibytes(long bytes) => bytes / (1024 * 1024);
}
