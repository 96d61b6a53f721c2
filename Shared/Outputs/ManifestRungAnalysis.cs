namespace Transcoder.Shared.Outputs;

/// <summary>One planned rung's trial encodes (<see cref="ManifestAnalysis"/>).</summary>
public sealed record ManifestRungAnalysis(string Name, int Width, int Height, IReadOnlyList<ManifestTrial> Trials);
