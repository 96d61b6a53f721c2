namespace Transcoder.Client.Tests.Support;

/// <summary>A folder of its own for one test, removed with it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "transcoder-client-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A file of <paramref name="size"/> random bytes (seeded: the same every run).</summary>
    public string RandomFile(string name, long size, int seed = 12)
    {
        var path = System.IO.Path.Combine(Path, name);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var file = File.Create(path);
        for (var left = size; left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the system's temp cleaning gets the rest.
        }
    }
}
