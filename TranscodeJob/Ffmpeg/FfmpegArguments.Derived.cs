using Transcoder.TranscodeJob.Encoding;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Ffmpeg;

internal static partial class FfmpegArguments
{
    /// <summary>
    /// The storyboard's thumbnails from a finished rendition (already deinterlaced, tone-mapped and at a constant
    /// rate): one per interval, scaled to the tile, as numbered lossless images. The fps filter keeps the frame at EOF
    /// (<c>eof_action=pass</c>), so even a 0.1 s clip gives its first frame; <c>-frames:v</c> caps the count.
    /// </summary>
    public static IReadOnlyList<string> ForThumbnails(string trackPath, StoryboardPlan storyboard, string thumbnailPattern) =>
    [
        .. Preamble(progress: false),
        .. OwnInput(trackPath),
        "-map", "0:v:0", "-map_metadata", "-1",
        "-vf", Invariant($"fps=1/{storyboard.Interval.TotalSeconds:0.###}:eof_action=pass,scale={storyboard.TileWidth}:{storyboard.TileHeight},setsar=1,format=rgb24"),
        "-frames:v", Invariant($"{storyboard.Count}"),
        "-c:v", "png", "-f", "image2", "-start_number", "0",
        FileUrl(thumbnailPattern),
    ];

    /// <summary>The thumbnail of the track's first frame alone: what every rendition has.</summary>
    public static IReadOnlyList<string> ForFirstThumbnail(string trackPath, StoryboardPlan storyboard, string thumbnailPattern) =>
    [
        .. Preamble(progress: false),
        .. OwnInput(trackPath),
        "-map", "0:v:0", "-map_metadata", "-1",
        "-vf", Invariant($"scale={storyboard.TileWidth}:{storyboard.TileHeight},setsar=1,format=rgb24"),
        "-frames:v", "1",
        "-c:v", "png", "-f", "image2", "-start_number", "0",
        FileUrl(thumbnailPattern),
    ];

    /// <summary>The thumbnails laid out on JPEG sprite sheets, numbered from 0; the last sheet is padded.</summary>
    public static IReadOnlyList<string> ForSheets(string thumbnailPattern, StoryboardPlan storyboard, string sheetPattern) =>
    [
        .. Preamble(progress: false),
        "-f", "image2", "-framerate", "1", "-start_number", "0",
        .. OwnInput(thumbnailPattern),
        "-vf", Invariant($"tile={storyboard.Columns}x{storyboard.Rows},format=yuvj420p"),
        "-c:v", "mjpeg", "-q:v", "5",
        "-f", "image2", "-start_number", "0",
        FileUrl(sheetPattern),
    ];

    /// <summary>
    /// The poster from the source at <paramref name="at"/>: a fast seek to the keyframe before it, one frame decoded
    /// up to the exact time, deinterlaced and tone-mapped as the rungs are, at the top rung's size.
    /// </summary>
    public static IReadOnlyList<string> ForPoster(
        SourceInput source, int videoStreamIndex, TimeSpan at, RenditionPlan size, string outputPath) =>
    [
        .. Preamble(progress: false),
        .. SourceArguments(source, seek: at),
        "-map", Invariant($"0:{videoStreamIndex}"),
        "-map_metadata", "-1",
        "-frames:v", "1",
        "-vf", string.Join(',', PictureFilters.Head(size, constantRate: false).Append(PictureFilters.Rung(size.Width, size.Height, "yuvj420p"))),
        "-q:v", "3",
        "-f", "image2", "-update", "1",
        FileUrl(outputPath),
    ];

    /// <summary>The poster from a finished rendition's first frame: the fallback that always exists.</summary>
    public static IReadOnlyList<string> ForPosterFromTrack(string trackPath, string outputPath) =>
    [
        .. Preamble(progress: false),
        .. OwnInput(trackPath),
        "-map", "0:v:0", "-map_metadata", "-1",
        "-frames:v", "1",
        "-vf", "format=yuvj420p",
        "-q:v", "3",
        "-f", "image2", "-update", "1",
        FileUrl(outputPath),
    ];

    /// <summary>
    /// The poster of an audio-only source from its cover art (an attached picture), scaled to
    /// <paramref name="width"/>x<paramref name="height"/>. Only the picture decoders are allowed: no audio or video
    /// decoder is opened for it.
    /// </summary>
    public static IReadOnlyList<string> ForCoverArtPoster(SourceInput source, int coverStreamIndex, int width, int height, string outputPath) =>
    [
        .. Preamble(progress: false),
        .. SourceArguments(source, decoders: Decoders.CoverArt),
        "-map", Invariant($"0:{coverStreamIndex}"),
        "-map_metadata", "-1",
        "-frames:v", "1",
        "-vf", Invariant($"scale={width}:{height},format=yuvj420p"),
        "-q:v", "3",
        "-f", "image2", "-update", "1",
        FileUrl(outputPath),
    ];

    /// <summary>
    /// Progressive downloads from the CMAF tracks, <c>+faststart</c>, copied, no second encode: each a video track with
    /// the default audio track (an MP4), or the audio track alone (an audio-only source's M4A). One ffmpeg writes them
    /// all: a copy costs little more than the process's start (0.2 CPU s here), so four in one process cost a third of
    /// four processes, and the files are the same to the byte (bench/README.md, "Progressive copies").
    /// </summary>
    /// <param name="audioTrackPath">The default audio track every file carries; null for a source without sound.</param>
    public static IReadOnlyList<string> ForProgressive(IReadOnlyList<ProgressiveCopy> copies, string? audioTrackPath)
    {
        // Inputs: each copy's video track in turn, then the audio track, which every file maps.
        var videos = copies.Where(c => c.VideoTrackPath is not null).Select(c => c.VideoTrackPath!).ToList();
        var arguments = new List<string>([.. Preamble(progress: false)]);
        arguments.AddRange(videos.SelectMany(OwnInput));
        if (audioTrackPath is not null)
        {
            arguments.AddRange(OwnInput(audioTrackPath));
        }

        var video = 0;
        foreach (var copy in copies)
        {
            if (copy.VideoTrackPath is not null)
            {
                arguments.AddRange(["-map", Invariant($"{video++}:v:0")]);
            }

            if (audioTrackPath is not null)
            {
                arguments.AddRange(["-map", Invariant($"{videos.Count}:a:0")]);
            }

            arguments.AddRange(["-c", "copy", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", FileUrl(copy.OutputPath)]);
        }

        return arguments;
    }
}
