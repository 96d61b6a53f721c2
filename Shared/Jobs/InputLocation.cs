namespace Transcoder.Shared.Jobs;

/// <summary>Where the source video is.</summary>
public abstract record InputLocation
{
    /// <summary>The readable form, used in logs and error lines.</summary>
    public abstract string Display { get; }

    /// <summary>The folder name under the output location for this source (see <see cref="Shared.OutputFolder"/>).</summary>
    public abstract string OutputFolderName { get; }

    /// <summary>The job id for this source at <paramref name="revision"/> (see <see cref="Shared.JobId"/>).</summary>
    public abstract string JobIdAt(SourceRevision? revision);
}
