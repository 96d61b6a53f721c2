using Transcoder.TranscodeJob.Quality;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>What the per-title analysis measured: every planned rung's trials, over these windows, against this reference.</summary>
/// <param name="Reference">The plan's top rung: the size every trial was compared at.</param>
internal sealed record TitleAnalysis(IReadOnlyList<RungCurve> Rungs, IReadOnlyList<QualityWindow> Windows, RenditionPlan Reference);
