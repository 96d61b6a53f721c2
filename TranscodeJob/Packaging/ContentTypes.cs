namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// The Content-Type each published file is stored with, by extension: players and CDNs rely on it. Public: the local
/// player's file server serves the same files with the same types.
/// </summary>
internal static class ContentTypes
{
    public static string For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".m3u8" => "application/vnd.apple.mpegurl", // RFC 8216, section 4
        ".mpd" => "application/dash+xml", // ISO/IEC 23009-1, annex C
        ".cmfv" or ".mp4" => "video/mp4",
        ".cmfa" => "audio/mp4",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".vtt" => "text/vtt",
        ".json" => "application/json",
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
