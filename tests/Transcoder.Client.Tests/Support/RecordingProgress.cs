using Transcoder.Client.Progress;

namespace Transcoder.Client.Tests.Support;

/// <summary>Counts what an upload reports.</summary>
internal sealed class RecordingProgress : IUploadProgress
{
    private long _sent;

    public long Total { get; private set; }

    public long Sent => Interlocked.Read(ref _sent);

    public bool Finished { get; private set; }

    public void Start(long totalBytes) => Total = totalBytes;

    public void Add(long bytes) => Interlocked.Add(ref _sent, bytes);

    public void Finish() => Finished = true;
}
