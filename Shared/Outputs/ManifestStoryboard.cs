namespace Transcoder.Shared.Outputs;

/// <summary>Seek-preview thumbnails: a WebVTT track whose cues point at rectangles of the sprite sheets.</summary>
/// <param name="Vtt">The WebVTT track.</param>
/// <param name="Sheets">The sprite sheets, in order.</param>
/// <param name="IntervalSeconds">Seconds of video per thumbnail.</param>
/// <param name="TileWidth">A thumbnail's width in pixels.</param>
/// <param name="TileHeight">A thumbnail's height in pixels.</param>
/// <param name="Columns">Thumbnails across a sheet.</param>
/// <param name="Rows">Thumbnails down a full sheet.</param>
/// <param name="Count">Thumbnails in all.</param>
public sealed record ManifestStoryboard(
    string Vtt,
    IReadOnlyList<string> Sheets,
    double IntervalSeconds,
    int TileWidth,
    int TileHeight,
    int Columns,
    int Rows,
    int Count);
