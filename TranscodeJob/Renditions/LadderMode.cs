namespace Transcoder.TranscodeJob.Renditions;

/// <summary>How the rungs' rate control is chosen (<c>--ladder-mode</c>, <c>LADDER_MODE</c>, the ladder file's <c>ladderMode</c>).</summary>
internal enum LadderMode
{
    /// <summary>Every rung at the ladder's CRF under its cap, and every rung made.</summary>
    Fixed,

    /// <summary>
    /// The source is analysed first: each rung gets the CRF that reaches its quality target with the fewest bits (under
    /// its cap), and a rung that adds nothing over the next smaller one is dropped (<c>Analysis/</c>).
    /// </summary>
    PerTitle,
}
