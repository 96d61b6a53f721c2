namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// What one chunk made, recorded when all of it is in the work area (<c>done/chunk-NNNN.json</c>): the marker the
/// assembly waits for, and what it needs to know of the chunk.
/// </summary>
/// <param name="Tracks">Every rendition's track of the chunk, placed on the whole timeline.</param>
/// <param name="Thumbnails">The storyboard thumbnails whose frames are the chunk's, by their number in the whole storyboard.</param>
/// <param name="EncodeSeconds">The chunk's encode wall time.</param>
internal sealed record ChunkPiece(int Index, IReadOnlyList<PieceTrack> Tracks, IReadOnlyList<int> Thumbnails, double EncodeSeconds)
{
    public static string MarkerName(int index) => $"{Markers}chunk-{index:0000}.json";

    public static string FolderOf(int index) => $"chunk-{index:0000}/";

    /// <summary>The folder of every part's marker.</summary>
    public const string Markers = "done/";
}
