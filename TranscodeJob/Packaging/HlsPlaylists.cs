using System.Globalization;
using System.Text;

namespace Transcoder.TranscodeJob.Packaging;

/// <summary>
/// HLS playlists (RFC 8216) over single-file CMAF tracks: each segment is a byte range of the track's file, so
/// one object per track serves HLS, DASH and any CDN cache.
/// </summary>
internal static class HlsPlaylists
{
    // Version 7: EXT-X-MAP in a playlist that is not I-frame only (RFC 8216, 7).
    private const int Version = 7;

    public const string AudioGroup = "audio";

    public static string Media(IndexedTrack track) => MediaPlaylist(track, iFramesOnly: false);

    /// <summary>
    /// The I-frame playlist of a video track (RFC 8216, 4.3.3.6) for scrubbing and trick play: one segment per
    /// keyframe, each lasting until the next. Every fragment starts with its keyframe, and a fragment holds the
    /// whole GOP, so the byte range is the fragment's <c>moof</c>, its <c>mdat</c> header and the keyframe's bytes
    /// only, ending where the second sample starts: the RFC's fMP4 I-frame segment (section 3.3 allows a range
    /// that is a prefix of the fragment; the <c>trun</c> still lists the other samples, which players ignore).
    /// </summary>
    public static string IFrames(IndexedTrack video) => MediaPlaylist(video, iFramesOnly: true);

    // One segment per fragment: the whole fragment, or (I-frames only) its keyframe's prefix.
    private static string MediaPlaylist(IndexedTrack track, bool iFramesOnly)
    {
        var index = track.Index;
        var file = track.Track.FileName;
        var target = HlsSegmentBitRate.TargetDuration(iFramesOnly ? index.IFrameSegments : index.Segments);
        var text = new StringBuilder()
            .Append("#EXTM3U\n")
            .Append(Invariant($"#EXT-X-VERSION:{Version}\n"))
            .Append(Invariant($"#EXT-X-TARGETDURATION:{target}\n"))
            .Append("#EXT-X-PLAYLIST-TYPE:VOD\n")
            .Append("#EXT-X-MEDIA-SEQUENCE:0\n")
            .Append(iFramesOnly ? "#EXT-X-I-FRAMES-ONLY\n" : "")
            .Append("#EXT-X-INDEPENDENT-SEGMENTS\n")
            .Append(Invariant($"#EXT-X-MAP:URI=\"{file}\",BYTERANGE=\"{index.InitLength}@0\"\n"));
        foreach (var fragment in index.Fragments)
        {
            var length = iFramesOnly ? fragment.KeyframeLength : fragment.Length;
            text.Append(Invariant($"#EXTINF:{index.SecondsOf(fragment.Duration):0.000000},\n"))
                .Append(Invariant($"#EXT-X-BYTERANGE:{length}@{fragment.Offset}\n"))
                .Append(file).Append('\n');
        }

        return text.Append("#EXT-X-ENDLIST\n").ToString();
    }

    /// <param name="videos">
    /// Video renditions, best first (players start with the first listed). With AV1 beside H.264, one master lists
    /// both, AV1 first (<see cref="IndexedTrack.ByCodec"/>): players skip the variants whose CODECS they cannot decode.
    /// </param>
    public static string Master(IReadOnlyList<IndexedTrack> videos, IndexedTrack? audio)
    {
        videos = [.. IndexedTrack.ByCodec(videos).SelectMany(codec => codec)];
        var text = new StringBuilder()
            .Append("#EXTM3U\n")
            .Append(Invariant($"#EXT-X-VERSION:{Version}\n"))
            .Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (audio is not null)
        {
            var language = audio.Track.Language is { Length: > 0 } tag && tag != "und" ? $",LANGUAGE=\"{tag}\"" : "";
            text.Append(Invariant(
                $"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"{AudioGroup}\",NAME=\"Audio\"{language},DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"{audio.PlaylistName}\"\n"));
        }

        foreach (var video in videos)
        {
            var (peak, average) = VariantBitrate.Of(video, audio is null ? [] : [audio]);
            var codecs = audio is null ? video.Index.Codec : $"{video.Index.Codec},{audio.Index.Codec}";
            var frameRate = video.Track.FrameRate is { IsPositive: true } rate ? Invariant($",FRAME-RATE={rate.Value:0.000}") : "";
            var audioGroup = audio is null ? "" : $",AUDIO=\"{AudioGroup}\"";
            text.Append(Invariant(
                    $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"{codecs}\",RESOLUTION={video.Track.Width}x{video.Track.Height}{frameRate}{audioGroup}\n"))
                .Append(video.PlaylistName).Append('\n');
        }

        foreach (var video in videos)
        {
            var segments = video.Index.IFrameSegments;
            var peak = (long)Math.Ceiling(HlsSegmentBitRate.Peak(segments, HlsSegmentBitRate.TargetDuration(segments)));
            var average = (long)Math.Ceiling(HlsSegmentBitRate.Average(segments));
            text.Append(Invariant(
                $"#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"{video.Index.Codec}\",RESOLUTION={video.Track.Width}x{video.Track.Height},URI=\"{video.IFramePlaylistName}\"\n"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
