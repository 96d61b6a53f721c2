namespace Transcoder.Client.Progress;

/// <summary>Where the bytes of an upload are counted as they are sent (from several parts at once).</summary>
internal interface IUploadProgress
{
    void Start(long totalBytes);

    /// <summary>Bytes sent since the last call; negative when a failed try's bytes are sent again.</summary>
    void Add(long bytes);

    void Finish();
}
