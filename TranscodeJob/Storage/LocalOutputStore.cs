namespace Transcoder.TranscodeJob.Storage;

internal sealed class LocalOutputStore(string folder) : IOutputStore
{
    public string Location { get; } = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;

    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    public async Task WriteFileAsync(string name, string localPath, string contentType, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, name);
        // Copy under a temporary name, then rename: the rename is atomic, so a reader sees the old file or the
        // whole new one, never half of it.
        var partial = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var from = File.OpenRead(localPath))
            await using (var to = File.Create(partial))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    // Dot-files are copies in progress (see WriteFileAsync).
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(name => !name.StartsWith('.'))]
            : []);

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(Path.Combine(folder, name));
        return Task.CompletedTask;
    }
}
