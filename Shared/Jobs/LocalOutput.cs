namespace Transcoder.Shared.Jobs;

/// <summary>A folder on this machine.</summary>
/// <param name="FullPath">The absolute path.</param>
public sealed record LocalOutput(string FullPath) : OutputLocation
{
    /// <inheritdoc/>
    public override string Display => FullPath;
}
