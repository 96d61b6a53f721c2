using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Storage;

namespace Transcoder.TranscodeJob.Pipeline;

/// <summary>
/// Starts each file's upload as soon as the file is final, so uploads overlap the work still going on (the
/// progressive copies, the poster, the playlists) instead of adding to the job's time at the end.
/// </summary>
internal sealed class Publisher(IOutputStore output, CancellationToken cancellationToken)
{
    private readonly List<OutputFile> _files = [];
    private readonly List<Task> _uploads = [];

    public IReadOnlyList<OutputFile> Files => _files;

    public void Publish(OutputFile file)
    {
        _files.Add(file);
        _uploads.Add(output.WriteFileAsync(file.FileName, file.LocalPath, file.ContentType, cancellationToken));
    }

    public void Publish(string localPath, string role) =>
        Publish(new OutputFile(Path.GetFileName(localPath), role, ContentTypes.For(localPath), localPath));

    /// <summary>Waits for every upload; the first failure is thrown.</summary>
    public Task CompleteAsync() => Task.WhenAll(_uploads);
}
