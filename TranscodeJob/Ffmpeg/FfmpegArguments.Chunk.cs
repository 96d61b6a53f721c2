using System.Globalization;
using Transcoder.TranscodeJob.Chunks;
using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// One chunk of a long source, every rung in one process, as <see cref="ForLadder"/> encodes the whole source: the
    /// same head filters and encoder settings, fed the same frames. The input is sought to the chunk's first frame
    /// without ffmpeg's accurate-seek trim (<c>-noaccurate_seek</c>): decoding starts at the keyframe before it, so
    /// the frame-rate filter sees the source frames the whole encode saw around the cut and numbers its output from the
    /// seek point on the same grid. <c>trim</c> then keeps exactly the chunk's frames (in the filter's 1/rate time
    /// base), keeping their times, and the encoder's keyframes count from the chunk's first frame of the whole output.
    /// A picture that starts after the output's zero (21 ms in, behind AAC's priming) gets its first frame numbered 1:
    /// the first chunk then starts at 1, and the constant-rate output repeats that frame at 0 exactly as the whole
    /// encode does (shifting it to 0 instead would put every frame of the chunk one early). The audio is not here: it
    /// is encoded once, whole (see Chunks/SplitStage).
    /// </summary>
    /// <param name="outputPaths">One CMAF file per plan, in the plans' order.</param>
    public static IReadOnlyList<string> ForLadderChunk(
        SourceInput source,
        int videoStreamIndex,
        IReadOnlyList<RenditionPlan> plans,
        EncoderSettings encoder,
        IReadOnlyList<string> outputPaths,
        ChunkRange chunk)
    {
        var grid = new KeyframeGrid(plans[0].FrameRate, encoder.GopSeconds);
        var arguments = new List<string>(Preamble(progress: true, source.Protocols));
        arguments.AddRange(SourceArguments(source, seek: chunk.SeekIn(grid), accurateSeek: false));
        var cut = Invariant($"trim=start_pts=0:end_pts={chunk.Frames}");
        arguments.AddRange(["-filter_complex", LadderFilterGraph(videoStreamIndex, plans, cut)]);
        for (var i = 0; i < plans.Count; i++)
        {
            arguments.AddRange(["-map", $"[v{i}]"]);
            arguments.AddRange(VideoTrackOutput(plans[i], encoder, outputPaths[i], chunk.FirstFrame));
        }

        return arguments;
    }

    /// <summary>
    /// The storyboard's thumbnails that fall in one chunk, from its encoded track: the chunk's own frames
    /// <paramref name="frames"/> (counted from its first), numbered as the whole storyboard numbers them, from
    /// <paramref name="firstNumber"/>.
    /// </summary>
    public static IReadOnlyList<string> ForChunkThumbnails(
        string trackPath, StoryboardPlan storyboard, IReadOnlyList<long> frames, int firstNumber, string thumbnailPattern) =>
    [
        .. Preamble(progress: false),
        .. OwnInput(trackPath),
        "-map", "0:v:0", "-map_metadata", "-1",
        "-vf", Invariant($"select='{string.Join('+', frames.Select(f => Invariant($"eq(n,{f})")))}',scale={storyboard.TileWidth}:{storyboard.TileHeight},setsar=1,format=rgb24"),
        "-fps_mode", "passthrough",
        "-c:v", "png", "-f", "image2", "-start_number", firstNumber.ToString(CultureInfo.InvariantCulture),
        FileUrl(thumbnailPattern),
    ];
}
