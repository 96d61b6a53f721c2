namespace Transcoder.TranscodeJob.Renditions;

/// <summary>The names of the ladder modes, as the option, the variable, the ladder file and the manifest write them.</summary>
internal static class LadderModes
{
    /// <summary>
    /// The mode when neither the options nor the ladder file choose, chosen by bench/per_title.py over the content set:
    /// a median 23.5% fewer bits for the same SSIM, the best rendition kept, for an analysis of 9–14% of the encode's
    /// CPU on 30 s sources (bench/README.md "Per-title ladder", docs/job.md).
    /// </summary>
    public const LadderMode Default = LadderMode.PerTitle;

    public static IReadOnlyDictionary<string, LadderMode> ByName { get; } = new Dictionary<string, LadderMode>(StringComparer.Ordinal)
    {
        ["per-title"] = LadderMode.PerTitle,
        ["fixed"] = LadderMode.Fixed,
    };

    public static string Name(LadderMode mode) => ByName.Single(m => m.Value == mode).Key;
}
