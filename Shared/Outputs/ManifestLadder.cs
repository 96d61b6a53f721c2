namespace Transcoder.Shared.Outputs;

/// <summary>How the ladder was chosen for this source.</summary>
/// <param name="Mode"><c>per-title</c> (analysed, each rung's CRF chosen, rungs that add nothing dropped) or <c>fixed</c>.</param>
/// <param name="Dropped">The rungs the plan had that the per-title analysis dropped, with the reason; empty in the fixed ladder.</param>
/// <param name="Analysis">What the per-title analysis measured; null in the fixed ladder.</param>
public sealed record ManifestLadder(string Mode, IReadOnlyList<ManifestDroppedRendition> Dropped, ManifestAnalysis? Analysis);
