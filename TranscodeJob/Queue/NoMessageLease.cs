namespace Transcoder.TranscodeJob.Queue;

/// <summary>Run by hand (no queue URL or receipt handle): no queue calls at all.</summary>
internal sealed class NoMessageLease : IMessageLease
{
    public static readonly NoMessageLease Instance = new();

    public void Start()
    {
    }

    public Task SettleAsync(int exitCode) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
