using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Subtitles;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class HlsSubtitlesTests
{
    // As HlsPlaylists writes a master: an audio group, two variants, their I-frame playlists.
    private const string Master =
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
        + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio.m3u8\"\n"
        + "#EXT-X-STREAM-INF:BANDWIDTH=1000000,AVERAGE-BANDWIDTH=800000,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"audio\"\n720p.m3u8\n"
        + "#EXT-X-STREAM-INF:BANDWIDTH=500000,AVERAGE-BANDWIDTH=400000,CODECS=\"avc1.64001e,mp4a.40.2\",RESOLUTION=640x360,FRAME-RATE=25.000,AUDIO=\"audio\"\n360p.m3u8\n"
        + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,AVERAGE-BANDWIDTH=80000,CODECS=\"avc1.640028\",RESOLUTION=1280x720,URI=\"720p-iframes.m3u8\"\n";

    private static readonly SubtitleRendition French = new("subtitles-2", "fr", "French", false, false, false, 1000);
    private static readonly SubtitleRendition EnglishSdh = new("cc1", "en", "English (CC)", false, true, false, 2000);
    private static readonly SubtitleRendition GermanForced = new("caption-de-forced", "de", "German (forced)", true, false, true, 500);

    [Test]
    public void Master_NoSubtitles_EveryVariantSaysClosedCaptionsNone()
    {
        // Act
        var master = HlsSubtitles.Master(Master, [], [], 10);

        // Assert: only the variants change; the I-frame playlists take no such attribute (RFC 8216 4.3.4.3).
        Assert.That(master, Is.EqualTo(Master
            .Replace("AUDIO=\"audio\"\n720p", "AUDIO=\"audio\",CLOSED-CAPTIONS=NONE\n720p", StringComparison.Ordinal)
            .Replace("AUDIO=\"audio\"\n360p", "AUDIO=\"audio\",CLOSED-CAPTIONS=NONE\n360p", StringComparison.Ordinal)));
    }

    [Test]
    public void Master_Tracks_ASubtitlesGroupBeforeTheVariantsAndTheLargestTrackInEachBandwidth()
    {
        // Act: 2000 bytes over 10 s is the largest track, 1600 b/s.
        var lines = HlsSubtitles.Master(Master, [], [French, EnglishSdh, GermanForced], 10).Split('\n');

        // Assert
        Assert.That(lines[4..7], Is.EqualTo(new[]
        {
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"French\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles-2.m3u8\"",
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English (CC)\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,"
            + "CHARACTERISTICS=\"public.accessibility.transcribes-spoken-dialog,public.accessibility.describes-music-and-sound\",URI=\"cc1.m3u8\"",
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"German (forced)\",LANGUAGE=\"de\",DEFAULT=YES,AUTOSELECT=YES,FORCED=YES,URI=\"caption-de-forced.m3u8\"",
        }));
        Assert.That(lines[7], Is.EqualTo(
            "#EXT-X-STREAM-INF:BANDWIDTH=1001600,AVERAGE-BANDWIDTH=801600,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=25.000,AUDIO=\"audio\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=NONE"));
        Assert.That(lines[9], Does.StartWith("#EXT-X-STREAM-INF:BANDWIDTH=501600,AVERAGE-BANDWIDTH=401600,"));
    }

    [Test]
    public void Master_RewrittenWithAnotherSet_AsIfWrittenOnceWithIt()
    {
        // Arrange: a caption attached later rewrites a master that already has subtitles.
        var once = HlsSubtitles.Master(Master, [], [French], 10);

        // Act
        var again = HlsSubtitles.Master(once, [French], [French, EnglishSdh], 10);

        // Assert
        Assert.That(again, Is.EqualTo(HlsSubtitles.Master(Master, [], [French, EnglishSdh], 10)));
        Assert.That(HlsSubtitles.PlaylistsIn(again), Is.EqualTo(new[] { "subtitles-2.m3u8", "cc1.m3u8" }));
    }

    [Test]
    public void MediaPlaylist_Track_OneSegmentTheWholeFile()
    {
        // Act
        var playlist = HlsSubtitles.MediaPlaylist(French, 4.04);

        // Assert
        Assert.That(playlist, Is.EqualTo(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:4.040000,\nsubtitles-2.vtt\n#EXT-X-ENDLIST\n"));
    }

    [Test]
    public void AttributeList_QuotedCommasAndQuotesInNames_KeptWhole()
    {
        // Act
        var attributes = HlsAttributeList.Parse("BANDWIDTH=1,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=2x2");

        // Assert
        Assert.That(attributes.Select(a => a.Value), Is.EqualTo(new[] { "1", "\"avc1.640028,mp4a.40.2\"", "2x2" }));
        Assert.That(HlsAttributeList.Format(attributes), Is.EqualTo("BANDWIDTH=1,CODECS=\"avc1.640028,mp4a.40.2\",RESOLUTION=2x2"));
        Assert.That(HlsAttributeList.Quoted("Say \"hi\"\r\n"), Is.EqualTo("\"Say 'hi'\""));
    }
}
