namespace Transcoder.TranscodeJob.Encoding;

/// <summary>
/// Seek-preview thumbnails: one every <see cref="Interval"/>, <see cref="TileWidth"/>x<see cref="TileHeight"/>,
/// laid out <see cref="Columns"/>x<see cref="Rows"/> on each JPEG sprite sheet.
/// </summary>
internal sealed record StoryboardPlan(TimeSpan Interval, int TileWidth, int TileHeight, int Columns, int Rows, int Count)
{
    public const string VttFileName = "storyboard.vtt";

    // 160 px on the long side: what players' seek previews show (Mux and YouTube use 160-256).
    private const int TileLongSide = 160;

    // At most this many thumbnails, whatever the length: a 3-hour source gets one every 36 s, in 3 sheets.
    private const int MaxThumbnails = 300;

    private const int MaxColumns = 10;
    private const int MaxRowsPerSheet = 10;
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    public int PerSheet => Columns * Rows;

    public int Sheets => (Count + PerSheet - 1) / PerSheet;

    /// <summary>The sheet's file name; <c>storyboard-%03d.jpg</c> is the same pattern for ffmpeg's image2 muxer.</summary>
    public static string SheetFileName(int sheet) => $"storyboard-{sheet:000}.jpg";

    public const string SheetPattern = "storyboard-%03d.jpg";

    public static StoryboardPlan For(TimeSpan duration, int displayWidth, int displayHeight)
    {
        var seconds = Math.Max(duration.TotalSeconds, 0.001);
        // Whole seconds: cue times stay exact and the fps filter picks one frame per interval.
        var interval = Math.Max(MinInterval.TotalSeconds, Math.Ceiling(seconds / MaxThumbnails));
        var count = Math.Max(1, (int)Math.Ceiling(seconds / interval));

        var landscape = displayWidth >= displayHeight;
        var longSide = Math.Max(displayWidth, displayHeight);
        var shortSide = Math.Max(1, Math.Min(displayWidth, displayHeight));
        var tileLong = Math.Min(TileLongSide, longSide & ~1);
        var tileShort = Math.Max(2, 2 * (int)Math.Round(tileLong * (double)shortSide / longSide / 2));

        return new StoryboardPlan(
            TimeSpan.FromSeconds(interval),
            landscape ? tileLong : tileShort,
            landscape ? tileShort : tileLong,
            0,
            0,
            0).WithCount(count);
    }

    /// <summary>
    /// The same thumbnails, <paramref name="count"/> of them laid out: the number a rendition really gave (a short
    /// clip can give fewer than its length suggests, never none).
    /// </summary>
    public StoryboardPlan WithCount(int count)
    {
        var columns = Math.Min(MaxColumns, Math.Max(1, count));
        var rows = Math.Min(MaxRowsPerSheet, (Math.Max(1, count) + columns - 1) / columns);
        return this with { Columns = columns, Rows = rows, Count = count };
    }

    /// <summary>
    /// Which frame of a rendition at <paramref name="frameRate"/> (with <paramref name="frames"/> frames) thumbnail
    /// <paramref name="thumbnail"/> shows: the one ffmpeg's <c>fps=1/interval</c> picks (<see cref="Ffmpeg.FfmpegArguments.ForThumbnails"/>),
    /// the last frame that starts before the middle of the thumbnail's interval, or the last frame at the end. A chunk of
    /// a long source picks its share of the thumbnails by it.
    /// </summary>
    public long FrameOf(int thumbnail, Probing.Rational frameRate, long frames)
    {
        // Frames start at n × den / num s; the interval's middle is (2k + 1) × interval / 2 s.
        var middle = new System.Numerics.BigInteger(2 * thumbnail + 1) * (long)Interval.TotalSeconds * frameRate.Numerator;
        var twiceDenominator = 2 * frameRate.Denominator;
        var firstAtOrAfter = (long)((middle + twiceDenominator - 1) / twiceDenominator);
        return Math.Clamp(firstAtOrAfter - 1, 0, frames - 1);
    }

    /// <summary>
    /// Which of the renditions (their sizes, best first) the thumbnails are made from: the smallest that is at least as
    /// large as a tile (160 px on the long side holds every detail a tile shows), else the first.
    /// </summary>
    public int SourceOf(IReadOnlyList<(int Width, int Height)> renditions)
    {
        var tile = Math.Max(TileWidth, TileHeight);
        var index = renditions.Select((r, i) => (r, i)).LastOrDefault(x => Math.Max(x.r.Width, x.r.Height) >= tile, (default, -1)).i;
        return Math.Max(index, 0);
    }

    /// <summary>The thumbnails' file pattern in the workspace, for ffmpeg's image2 muxer; they are not published.</summary>
    public const string ThumbnailPattern = "thumbnail-%05d.png";

    public static string ThumbnailFileName(int index) => $"thumbnail-{index:00000}.png";
}
