namespace Transcoder.TranscodeJob.Renditions;

/// <summary>The audio renditions of a source, in the source's order, and the audio streams it does not deliver.</summary>
/// <param name="Kept">One rendition per delivered track; empty for a silent source.</param>
/// <param name="Skipped">The source's audio streams left out, each with the reason.</param>
internal sealed record AudioTracks(IReadOnlyList<AudioPlan> Kept, IReadOnlyList<SkippedAudio> Skipped)
{
    public static AudioTracks None { get; } = new([], []);

    /// <summary>The track that plays by default and that the progressive files carry; null for a silent source.</summary>
    public AudioPlan? Default => Kept.FirstOrDefault(a => a.Facts.IsDefault);

    /// <summary>The same tracks, each changed by <paramref name="change"/>.</summary>
    public AudioTracks Select(Func<AudioPlan, AudioPlan> change) => this with { Kept = [.. Kept.Select(change)] };
}
