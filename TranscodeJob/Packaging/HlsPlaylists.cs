using System.Globalization;
using System.Text;
using Transcoder.TranscodeJob.Renditions;

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

    /// <summary>The HLS characteristic of audio description (Apple's HLS authoring specification, RFC 8216 4.3.4.1).</summary>
    public const string DescribesVideo = "public.accessibility.describes-video";

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

    /// <summary>
    /// The master playlist. With video: the audio renditions as one <c>AUDIO</c> group (RFC 8216, 4.3.4.1), then one
    /// variant per video rendition referring to the group, then the I-frame variants. Audio only: one variant whose
    /// playlist is the default audio rendition's, with the other renditions as its <c>AUDIO</c> group when there are
    /// several. Each group is a block of <c>EXT-X-MEDIA</c> lines and an attribute on every variant that uses it.
    /// </summary>
    /// <param name="videos">
    /// Video renditions, best first (players start with the first listed); none for audio only. With AV1 beside H.264,
    /// one master lists both, AV1 first (<see cref="IndexedTrack.ByCodec"/>): players skip the variants whose CODECS
    /// they cannot decode.
    /// </param>
    /// <param name="audio">The audio renditions, in the order the menu lists them; exactly one is the default.</param>
    public static string Master(IReadOnlyList<IndexedTrack> videos, IReadOnlyList<IndexedTrack> audio)
    {
        videos = [.. IndexedTrack.ByCodec(videos).SelectMany(codec => codec)];
        var text = new StringBuilder()
            .Append("#EXTM3U\n")
            .Append(Invariant($"#EXT-X-VERSION:{Version}\n"))
            .Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        var defaultAudio = audio.FirstOrDefault(a => a.Track.Audio?.IsDefault == true) ?? audio.FirstOrDefault();
        // Audio only with a single track needs no group: the variant is that track.
        var groupAudio = videos.Count > 0 || audio.Count > 1;
        foreach (var track in groupAudio ? audio : [])
        {
            // Audio only, the default rendition's media is the variant's own playlist: no URI (RFC 8216, 4.3.4.1).
            text.Append(AudioMedia(track, withUri: videos.Count > 0 || track != defaultAudio));
        }

        var groups = groupAudio && audio.Count > 0 ? Invariant($",AUDIO=\"{AudioGroup}\"") : "";
        var audioCodecs = audio.Select(a => a.Index.Codec).Distinct().ToList();
        foreach (var video in videos)
        {
            var (peak, average) = VariantBitrate.Of(video, audio);
            var codecs = string.Join(',', audioCodecs.Prepend(video.Index.Codec));
            var frameRate = video.Track.FrameRate is { IsPositive: true } rate ? Invariant($",FRAME-RATE={rate.Value:0.000}") : "";
            text.Append(Invariant(
                    $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"{codecs}\",RESOLUTION={video.Track.Width}x{video.Track.Height}{frameRate}{groups}\n"))
                .Append(video.PlaylistName).Append('\n');
        }

        if (videos.Count == 0 && defaultAudio is not null)
        {
            var (peak, average) = VariantBitrate.Of(null, audio);
            text.Append(Invariant($"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"{string.Join(',', audioCodecs)}\"{groups}\n"))
                .Append(defaultAudio.PlaylistName).Append('\n');
        }

        AppendIFrameVariants(text, videos);
        return text.ToString();
    }

    /// <summary>
    /// One audio rendition of the group: NAME and LANGUAGE for the menu, DEFAULT for the one that plays unless the
    /// viewer picks another, AUTOSELECT for every track a player may pick by the viewer's language and settings (not a
    /// commentary), and for audio description the characteristic Apple's authoring specification names, so that a
    /// player whose viewer asked for descriptions picks it.
    /// </summary>
    private static string AudioMedia(IndexedTrack track, bool withUri)
    {
        var facts = track.Track.Audio ?? throw new ArgumentException($"{track.Track.Name} is not an audio track", nameof(track));
        var language = facts.Language is { } tag ? $",LANGUAGE=\"{tag}\"" : "";
        var autoselect = facts.IsDefault || facts.Role != AudioRole.Commentary ? "YES" : "NO";
        var characteristics = facts.Role == AudioRole.Description ? $",CHARACTERISTICS=\"{DescribesVideo}\"" : "";
        var uri = withUri ? $",URI=\"{track.PlaylistName}\"" : "";
        return Invariant(
            $"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"{AudioGroup}\",NAME=\"{facts.Label}\"{language},DEFAULT={(facts.IsDefault ? "YES" : "NO")},AUTOSELECT={autoselect}{characteristics},CHANNELS=\"{facts.Channels}\"{uri}\n");
    }

    private static void AppendIFrameVariants(StringBuilder text, IReadOnlyList<IndexedTrack> videos)
    {
        foreach (var video in videos)
        {
            var segments = video.Index.IFrameSegments;
            var peak = (long)Math.Ceiling(HlsSegmentBitRate.Peak(segments, HlsSegmentBitRate.TargetDuration(segments)));
            var average = (long)Math.Ceiling(HlsSegmentBitRate.Average(segments));
            text.Append(Invariant(
                $"#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"{video.Index.Codec}\",RESOLUTION={video.Track.Width}x{video.Track.Height},URI=\"{video.IFramePlaylistName}\"\n"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
