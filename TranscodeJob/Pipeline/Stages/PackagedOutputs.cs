using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Pipeline.Stages;

/// <summary>The files made from the encoded tracks, in the workspace and not yet published.</summary>
/// <param name="Storyboard">The seek previews; null for an audio-only source (nothing to show).</param>
/// <param name="StoryboardVttPath">The storyboard's WebVTT; null with no storyboard.</param>
/// <param name="PosterPath">The poster; null for an audio-only source without cover art.</param>
/// <param name="Playlists">The HLS and DASH playlists (none when no streaming format was asked for).</param>
internal sealed record PackagedOutputs(
    MadeStoryboard? Storyboard,
    string? StoryboardVttPath,
    string? PosterPath,
    ManifestPoster? Poster,
    IReadOnlyList<OutputFile> Playlists)
{
    /// <summary>The subtitle tracks, written (<see cref="SubtitlePackaging"/>); none until then.</summary>
    public IReadOnlyList<Subtitles.PackagedSubtitle> Subtitles { get; init; } = [];

    /// <summary>The subtitle streams and caption files left out, with why.</summary>
    public IReadOnlyList<ManifestSkippedSubtitle> SkippedSubtitles { get; init; } = [];
}
