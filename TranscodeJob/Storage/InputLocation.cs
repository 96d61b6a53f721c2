namespace Transcoder.TranscodeJob.Storage;

/// <summary>Where the source video is.</summary>
public abstract record InputLocation
{
    /// <summary>The readable form, used in logs and error lines.</summary>
    public abstract string Display { get; }

    /// <summary>The folder name under the output location for this source (see <see cref="Shared.OutputFolder"/>).</summary>
    public abstract string OutputFolderName { get; }
}
