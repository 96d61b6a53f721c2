using Transcoder.TranscodeJob.Quality;

namespace Transcoder.TranscodeJob.Analysis;

/// <summary>
/// Where the per-title analysis tries its encodes: windows spread over the source like the quality measurement's
/// (<see cref="SampledWindows"/>), fewer and together a smaller share, since every window is encoded once per rung and
/// factor tried. One per <see cref="SecondsPerWindow"/> of source, at least <see cref="MinWindows"/>, at most
/// <see cref="MaxWindows"/>, together about <see cref="SampledShare"/> of it, each <see cref="MinWindowSeconds"/> to
/// <see cref="MaxWindowSeconds"/> long (a keyframe and half a GOP or less after it, as the encode's GOPs begin). Never the
/// whole source: a short one costs its minimum windows.
/// </summary>
internal static class AnalysisSampling
{
    public const double SampledShare = 0.02;
    public const double SecondsPerWindow = 30;
    public const int MinWindows = 2;
    public const int MaxWindows = 20;
    public const double MinWindowSeconds = 0.5;
    public const double MaxWindowSeconds = 1;

    public static SamplingRule Rule { get; } = new(SampledShare, SecondsPerWindow, MinWindows, MaxWindows, MinWindowSeconds, MaxWindowSeconds, WholeFromShare: double.PositiveInfinity);
}
