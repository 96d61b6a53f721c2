namespace Transcoder.Client.Progress;

/// <summary>Shows nothing: for callers that narrate on their own (LocalPipeline).</summary>
internal sealed class NoProgress : IUploadProgress
{
    public static NoProgress Instance { get; } = new();

    public void Start(long totalBytes)
    {
    }

    public void Add(long bytes)
    {
    }

    public void Finish()
    {
    }
}
