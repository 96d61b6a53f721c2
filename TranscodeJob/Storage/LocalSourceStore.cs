using Transcoder.Shared.Captions;
using Transcoder.Shared.Jobs;
using Transcoder.TranscodeJob.Errors;
using Transcoder.TranscodeJob.Workspace;

namespace Transcoder.TranscodeJob.Storage;

internal sealed class LocalSourceStore(LocalInput input) : ISourceStore
{
    public InputLocation Location => input;

    public bool CopiesToWorkspace => false;

    public Task<SourceObject> DescribeAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(input.FullPath);
        if (Directory.Exists(input.FullPath))
        {
            throw JobException.BadInput($"{input.FullPath} is a directory, not a video file");
        }

        if (!file.Exists)
        {
            throw JobException.BadInput($"{input.FullPath} does not exist");
        }

        if (file.Length == 0)
        {
            throw JobException.BadInput($"{input.FullPath} is empty (0 bytes)");
        }

        try
        {
            // Opening once turns a permission problem into a clear line now rather than an ffprobe error later.
            using var _ = file.OpenRead();
        }
        catch (UnauthorizedAccessException)
        {
            throw JobException.BadInput($"{input.FullPath} is not readable (permission denied)");
        }

        var lastWrite = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        return Task.FromResult(new SourceObject(
            Uri: input.FullPath,
            Revision: SourceRevision.OfLocalFile(file.Length, lastWrite),
            Size: file.Length,
            ETag: null,
            VersionId: null,
            LastModified: lastWrite));
    }

    public Task<string> MaterializeAsync(SourceObject source, JobWorkspace workspace, CancellationToken cancellationToken) =>
        Task.FromResult(input.FullPath);

    public async Task<IReadOnlyList<CaptionFile>> ReadCaptionFilesAsync(int limit, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(input.FullPath) ?? "/";
        var prefix = Path.GetFileName(CaptionFileName.PrefixBeside(input.FullPath));
        var files = new List<CaptionFile>();
        var beside = Directory.EnumerateFiles(folder, prefix + "*")
            .Select(path => (Path: path, Caption: CaptionFileName.TryParse(path)))
            .Where(f => f.Caption is not null && f.Caption.IsBeside(input.FullPath))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Take(limit);
        foreach (var (path, caption) in beside)
        {
            var size = new FileInfo(path).Length;
            files.Add(new CaptionFile(Path.GetFileName(path), caption!, size, size > maxBytes ? null : await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return files;
    }
}
