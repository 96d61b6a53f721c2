namespace Transcoder.Shared.Outputs;

/// <summary>One stretch of the timeline whose frames were measured (<see cref="ManifestQuality"/>).</summary>
public sealed record ManifestQualityWindow(double StartSeconds, double Seconds);
