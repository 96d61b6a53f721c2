namespace Transcoder.TranscodeJob.Storage;

/// <summary>Where outputs go; the job adds one folder per source below it.</summary>
public abstract record OutputLocation
{
    public abstract string Display { get; }
}
