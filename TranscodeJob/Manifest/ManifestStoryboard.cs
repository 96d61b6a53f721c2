namespace Transcoder.TranscodeJob.Manifest;

/// <summary>Seek-preview thumbnails: a WebVTT track whose cues point at rectangles of the sprite sheets.</summary>
internal sealed record ManifestStoryboard(
    string Vtt,
    IReadOnlyList<string> Sheets,
    double IntervalSeconds,
    int TileWidth,
    int TileHeight,
    int Columns,
    int Rows,
    int Count);
