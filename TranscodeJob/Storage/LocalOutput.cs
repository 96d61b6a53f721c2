namespace Transcoder.TranscodeJob.Storage;

/// <summary>A folder on this machine.</summary>
public sealed record LocalOutput(string FullPath) : OutputLocation
{
    public override string Display => FullPath;
}
