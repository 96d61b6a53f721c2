using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>The per-title ladder: the rungs made (tallest first, each with its factor), the rungs dropped, and the analysis behind them.</summary>
internal sealed record LadderDecision(IReadOnlyList<RungChoice> Kept, IReadOnlyList<DroppedRung> Dropped, TitleAnalysis Analysis)
{
    /// <summary>The plans to encode: the kept rungs, each with its own factor.</summary>
    public IReadOnlyList<RenditionPlan> Plans => [.. Kept.Select(k => k.Plan)];
}
