namespace Transcoder.Shared.Jobs;

/// <summary>Where outputs go; the job adds one folder per source below it.</summary>
public abstract record OutputLocation
{
    /// <summary>The readable form, used in logs and error lines.</summary>
    public abstract string Display { get; }
}
