namespace Transcoder.TranscodeJob.Storage;

/// <summary>The output folder of one source: a local folder or an S3 prefix.</summary>
internal interface IOutputStore
{
    /// <summary>The folder's readable location, e.g. <c>s3://prod/videos/clip-3fa2c1d09b7e4a51/</c>.</summary>
    string Location { get; }

    /// <summary>The text of a file in the folder, or null when there is none.</summary>
    Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores a file; readers never see it half-written.</summary>
    Task WriteFileAsync(string name, string localPath, string contentType, CancellationToken cancellationToken);

    /// <summary>The names of the files in the folder (a file still being written by another process is not one).</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes a file if it exists.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
