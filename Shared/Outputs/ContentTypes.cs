namespace Transcoder.Shared.Outputs;

/// <summary>
/// The Content-Type each published file is stored with, by extension: players and CDNs rely on it. In Shared because
/// more than the job serves these files: the local player's file server serves them with the same types.
/// </summary>
public static class ContentTypes
{
    /// <summary>The Content-Type of <paramref name="fileName"/>, by its extension; <c>application/octet-stream</c> for any other.</summary>
    public static string For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".m3u8" => "application/vnd.apple.mpegurl", // RFC 8216, section 4
        ".mpd" => "application/dash+xml", // ISO/IEC 23009-1, annex C
        ".cmfv" or ".mp4" => "video/mp4",
        ".cmfa" or ".m4a" => "audio/mp4",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".vtt" => "text/vtt",
        ".json" => "application/json",
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
