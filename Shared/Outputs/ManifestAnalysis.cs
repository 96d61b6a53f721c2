namespace Transcoder.Shared.Outputs;

/// <summary>
/// What the per-title analysis measured before the encode: trial encodes of sampled windows of the source, every rung
/// at each trial factor, scored (SSIM, as <see cref="ManifestQuality"/>) against the source at the reference size.
/// </summary>
/// <param name="Method">How: <c>trial-encodes</c>.</param>
/// <param name="ReferenceWidth">The size the trials were compared at: the plan's top rung's.</param>
/// <param name="ReferenceHeight">The size the trials were compared at.</param>
/// <param name="SampledSeconds">How much of the timeline the windows cover.</param>
/// <param name="Windows">The windows encoded and measured.</param>
/// <param name="Rungs">Every planned rung's trials, largest first.</param>
public sealed record ManifestAnalysis(
    string Method,
    int ReferenceWidth,
    int ReferenceHeight,
    double SampledSeconds,
    IReadOnlyList<ManifestQualityWindow> Windows,
    IReadOnlyList<ManifestRungAnalysis> Rungs)
{
    /// <summary>The one method: trial encodes of sampled windows.</summary>
    public const string TrialEncodes = "trial-encodes";
}
