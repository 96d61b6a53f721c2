using System.Globalization;

namespace Transcoder.TranscodeJob.Ffmpeg;

/// <summary>
/// The source object read over HTTP by ffmpeg, for a chunk of a long source that needs only its part: ffmpeg seeks with
/// range requests. It stays as safe as reading a file the job chose the name of, because:
/// <list type="bullet">
/// <item>the URL is a presigned GET the job made itself for the exact object (never anything the upload names);</item>
/// <item>the protocols are only those of that URL (<c>https,tls,tcp</c>; <c>http,tcp</c> for a local emulator), so no
/// <c>file:</c>, <c>concat:</c> or pipe, and no other scheme for anything the file might reference;</item>
/// <item>the demuxer is the one the whole-source job probed the file with (<c>-f</c>), inside the usual demuxer list,
/// none of which opens other URLs (no HLS, DASH or concat; the MP4 demuxer's external data references stay off, its
/// default);</item>
/// <item>the upload is pinned: the URL names its version, else every request carries <c>If-Match</c> with its ETag, so
/// a re-upload during the read fails with 412 instead of mixing two uploads;</item>
/// <item>a stalled read times out, and a dropped connection is retried by ffmpeg before it fails the chunk.</item>
/// </list>
/// </summary>
/// <param name="Demuxer">The demuxer the source was probed with (the first name of ffprobe's format name).</param>
/// <param name="ETag">The upload's ETag when the URL does not name a version; null otherwise.</param>
internal sealed record RemoteSource(Uri Url, string Demuxer, string? ETag)
{
    /// <summary>A read that gets no byte for this long fails (and the chunk is retried): 60 s.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    public string Protocols => Url.Scheme == Uri.UriSchemeHttps ? "https,tls,tcp" : "http,tcp";

    public IReadOnlyList<string> InputOptions() =>
    [
        "-f", Demuxer,
        "-rw_timeout", ((long)ReadTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture),
        "-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_delay_max", "10",
        .. ETag is null ? Array.Empty<string>() : ["-headers", $"If-Match: \"{ETag}\"\r\n"],
    ];

    /// <summary>The demuxer name <c>-f</c> takes from ffprobe's format name (<c>mov,mp4,m4a,3gp,3g2,mj2</c> → <c>mov</c>).</summary>
    public static string DemuxerOf(string container) => container.Split(',')[0];
}
