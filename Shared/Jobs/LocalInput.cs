namespace Transcoder.Shared.Jobs;

/// <summary>A video file on this machine.</summary>
/// <param name="FullPath">The absolute path.</param>
public sealed record LocalInput(string FullPath) : InputLocation
{
    /// <inheritdoc/>
    public override string Display => FullPath;

    /// <inheritdoc/>
    public override string OutputFolderName => OutputFolder.ForLocalFile(FullPath);

    /// <inheritdoc/>
    public override string JobIdAt(SourceRevision? revision) => JobId.ForLocalFile(FullPath, revision);
}
