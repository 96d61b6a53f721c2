using Transcoder.Shared;

namespace Transcoder.TranscodeJob.Storage;

/// <summary>A video file on this machine.</summary>
public sealed record LocalInput(string FullPath) : InputLocation
{
    public override string Display => FullPath;

    public override string OutputFolderName => OutputFolder.ForLocalFile(FullPath);
}
