using Transcoder.Shared.Outputs;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// What the first job made from the whole source besides the plan (<c>done/source.json</c>): the audio tracks, each
/// encoded once so that no seam can be heard, the poster, and the subtitle tracks' cues.
/// </summary>
/// <param name="Audio">One track per kept audio rendition, in the plan's order; none for a silent source.</param>
/// <param name="Loudness">Each audio track's loudness as its encode measured it, in the same order.</param>
/// <param name="PosterKey">The poster's object in the work area; null when the source gave no frame there (the first chunk's first frame then).</param>
internal sealed record SourcePiece(IReadOnlyList<PieceTrack> Audio, IReadOnlyList<ManifestLoudness?> Loudness, string? PosterKey, long PosterSize)
{
    public const string MarkerName = ChunkPiece.Markers + "source.json";

    public const string Folder = "source/";

    /// <summary>The subtitle tracks made from the source and the caption files beside it, and those left out.</summary>
    public MadeSubtitles Subtitles { get; init; } = MadeSubtitles.None;

    /// <summary>The language of the source's main audio track: the subtitle set's default follows it.</summary>
    public string? MainAudioLanguage { get; init; }
}
