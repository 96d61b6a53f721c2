using Transcoder.Shared.Outputs;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// What the first job made from the whole source besides the plan (<c>done/source.json</c>): the audio tracks, each
/// encoded once so that no seam can be heard, and the poster.
/// </summary>
/// <param name="Audio">One track per kept audio rendition, in the plan's order; none for a silent source.</param>
/// <param name="Loudness">Each audio track's loudness as its encode measured it, in the same order.</param>
/// <param name="PosterKey">The poster's object in the work area; null when the source gave no frame there (the first chunk's first frame then).</param>
internal sealed record SourcePiece(IReadOnlyList<PieceTrack> Audio, IReadOnlyList<ManifestLoudness?> Loudness, string? PosterKey, long PosterSize)
{
    public const string MarkerName = ChunkPiece.Markers + "source.json";

    public const string Folder = "source/";
}
