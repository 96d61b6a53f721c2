using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Chunks;

/// <summary>
/// Puts a chunk's encoded tracks in their place in the whole tracks: its fragments' decode times start at its first
/// frame and its fragments are numbered after those of the chunks before it (<see cref="FragmentShift"/>). A track's
/// bytes after its init section are then the whole track's bytes for that time range.
/// </summary>
internal static class ChunkPlacement
{
    public static IReadOnlyList<PlacedTrack> Place(EncodedLadder encoded, ChunkRange chunk, KeyframeGrid grid)
    {
        var placed = new List<PlacedTrack>(encoded.Renditions.Count);
        foreach (var rendition in encoded.Renditions)
        {
            var timescale = FragmentedMp4Reader.Read(rendition.Path).Timescale;
            var rate = rendition.Plan.FrameRate;
            // ffmpeg gives a video track a timescale in which every frame lasts whole ticks.
            var ticks = Math.DivRem(checked(chunk.FirstFrame * timescale * rate.Denominator), rate.Numerator, out var remainder);
            if (remainder != 0)
            {
                throw new InvalidOperationException($"{rendition.Plan.Name}: frame {chunk.FirstFrame} is not a whole tick of timescale {timescale}");
            }

            FragmentShift.Apply(rendition.Path, ticks, checked((uint)grid.MarksBefore(chunk.FirstFrame)));
            placed.Add(new PlacedTrack(rendition.Plan.Name, rendition.Path, FragmentedMp4Reader.Read(rendition.Path)));
        }

        return placed;
    }
}
