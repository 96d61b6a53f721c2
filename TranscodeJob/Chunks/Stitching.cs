using Transcoder.TranscodeJob.Packaging;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// A whole track as its chunks' tracks make it: the first chunk's file whole (its init section is the whole track's,
/// byte for byte: every chunk is encoded with the same settings), then each later chunk's bytes after its init
/// section. Its index is the chunks' fragments, moved to where their bytes land.
/// </summary>
internal static class Stitching
{
    /// <summary>The byte ranges of the chunks' objects that make the whole track, in order.</summary>
    public static IReadOnlyList<ObjectRange> Ranges(IReadOnlyList<PieceTrack> chunkTracks, Func<string, string> keyOf) =>
        [.. chunkTracks.Select((track, i) => new ObjectRange(keyOf(track.Key), Skipped(track, i), track.Size - 1))];

    public static FragmentedMp4 Index(IReadOnlyList<PieceTrack> chunkTracks)
    {
        var fragments = new List<Mp4Fragment>();
        long position = 0;
        for (var i = 0; i < chunkTracks.Count; i++)
        {
            var track = chunkTracks[i];
            var skipped = Skipped(track, i);
            fragments.AddRange(track.Index.Fragments.Select(f => f with { Offset = f.Offset - skipped + position }));
            position += track.Size - skipped;
        }

        return chunkTracks[0].Index with { Fragments = fragments };
    }

    public static long Size(IReadOnlyList<PieceTrack> chunkTracks) => chunkTracks.Select((track, i) => track.Size - Skipped(track, i)).Sum();

    private static long Skipped(PieceTrack track, int index) => index == 0 ? 0 : track.Index.InitLength;
}
