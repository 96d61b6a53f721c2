using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// Starts each file's upload as soon as the file is final, so uploads overlap the work still going on (the
/// progressive copies, the poster, the playlists) instead of adding to the job's time at the end. Safe to call from
/// several threads at once (the progressive copies publish as each one ends).
/// </summary>
/// <remarks>
/// Disposing waits for every upload still running, whatever happened: on a failure the workspace is removed right
/// after, and an upload must not be reading a file that is being deleted, nor fail unobserved.
/// </remarks>
internal sealed class Publisher(IOutputStore output, CancellationToken cancellationToken) : IAsyncDisposable
{
    // Objects uploading at once. Each large one is already a multipart upload of several parts in parallel; more
    // objects at once only share the same network (and against the local emulator, broke its connections).
    private const int ConcurrentUploads = 3;

    private readonly Lock _gate = new();
    private readonly List<OutputFile> _files = [];
    private readonly List<Task> _uploads = [];
    private readonly SemaphoreSlim _slots = new(ConcurrentUploads);

    /// <summary>Every file published so far, in the order it was published.</summary>
    public IReadOnlyList<OutputFile> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files];
            }
        }
    }

    public void Publish(OutputFile file)
    {
        lock (_gate)
        {
            _files.Add(file);
            _uploads.Add(UploadAsync(file));
        }
    }

    public void Publish(string localPath, string role) =>
        Publish(new OutputFile(Path.GetFileName(localPath), role, ContentTypes.For(localPath), localPath));

    /// <summary>Waits for every upload; the first failure is thrown.</summary>
    public Task CompleteAsync() => Task.WhenAll(Uploads());

    public async ValueTask DisposeAsync()
    {
        // Not thrown here: CompleteAsync reports upload failures on the success path; on a failure path the job's
        // own failure is the one to report.
        await Task.WhenAll(Uploads()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _slots.Dispose();
    }

    private Task[] Uploads()
    {
        lock (_gate)
        {
            return [.. _uploads];
        }
    }

    private async Task UploadAsync(OutputFile file)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            await output.WriteFileAsync(file.FileName, file.LocalPath, file.ContentType, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }
}
