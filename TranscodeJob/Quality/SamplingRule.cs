namespace Transcoder.TranscodeJob.Quality;

/// <summary>
/// How many windows of what length <see cref="SampledWindows"/> spreads over a source: one per
/// <paramref name="SecondsPerWindow"/> (at least <paramref name="MinWindows"/>, at most <paramref name="MaxWindows"/>),
/// together about <paramref name="Share"/> of it, each <paramref name="MinWindowSeconds"/> to
/// <paramref name="MaxWindowSeconds"/> long; a source whose windows would cover <paramref name="WholeFromShare"/> of it
/// or more is taken whole (in one window from 0), and so is one shorter than a window.
/// </summary>
internal sealed record SamplingRule(
    double Share,
    double SecondsPerWindow,
    int MinWindows,
    int MaxWindows,
    double MinWindowSeconds,
    double MaxWindowSeconds,
    double WholeFromShare);
