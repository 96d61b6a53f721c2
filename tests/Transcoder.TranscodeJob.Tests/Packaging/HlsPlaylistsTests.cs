using Transcoder.TranscodeJob.Packaging;
using Transcoder.TranscodeJob.Probing;
using Transcoder.TranscodeJob.Renditions;

namespace Transcoder.TranscodeJob.Tests.Packaging;

public sealed class HlsPlaylistsTests
{
    // Two 2 s video fragments (timescale 1000) and three audio fragments of 1.6, 1.6 and 0.8 s.
    private static readonly IndexedTrack Video = new(
        new CmafTrack("720p", "720p.cmfv", "/ws/720p.cmfv", TrackKind.Video, 1280, 720, new Rational(30000, 1001), null),
        new FragmentedMp4(800, 1000, "avc1.64001f", [new(800, 500_000, 0, 2000, 60_000), new(500_800, 250_000, 2000, 2000, 40_000)]));

    private static readonly IndexedTrack Audio = new(
        new CmafTrack("audio", "audio.cmfa", "/ws/audio.cmfa", TrackKind.Audio, 0, 0, null, new AudioFacts("en", "English", AudioRole.Main, true, 2)),
        new FragmentedMp4(700, 1000, "mp4a.40.2", [new(700, 20_000, 0, 1600, 500), new(20_700, 20_000, 1600, 1600, 500), new(40_700, 10_000, 3200, 800, 500)]));

    // The same fragments under another name, with other facts and a bigger first fragment (a higher peak).
    private static IndexedTrack AudioLike(string name, AudioFacts facts, long firstBytes = 20_000) =>
        new(Audio.Track with { Name = name, FileName = name + ".cmfa", Audio = facts },
            Audio.Index with { Fragments = [Audio.Index.Fragments[0] with { Length = firstBytes }, .. Audio.Index.Fragments.Skip(1)] });

    [Test]
    public void Media_TwoFragments_ByteRangesIntoTheOneFile()
    {
        // Act
        var playlist = HlsPlaylists.Media(Video);

        // Assert
        Assert.That(playlist, Is.EqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n" +
            "#EXT-X-MAP:URI=\"720p.cmfv\",BYTERANGE=\"800@0\"\n" +
            "#EXTINF:2.000000,\n#EXT-X-BYTERANGE:500000@800\n720p.cmfv\n" +
            "#EXTINF:2.000000,\n#EXT-X-BYTERANGE:250000@500800\n720p.cmfv\n" +
            "#EXT-X-ENDLIST\n"));
    }

    [Test]
    public void Master_VideoAndAudio_MeasuredPeakAndAverageWithTheAudioGroup()
    {
        // Act
        var master = HlsPlaylists.Master([Video], [Audio]);

        // Assert: BANDWIDTH = the video playlist's peak (its first 2 s segment: 500,000 bytes) + the audio playlist's
        // peak (any 1.6 s segment, or the last two, 2.4 s: both 100 kb/s; sets of 1 to 3 s for a target of 2 s).
        var peak = 500_000 * 8 / 2 + 20_000 * 8 / 1.6;
        var average = 750_000 * 8 / 4.0 + 50_000 * 8 / 4.0;
        Assert.That(master, Does.Contain("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio.m3u8\"\n"));
        Assert.That(master, Does.Contain(
            $"#EXT-X-STREAM-INF:BANDWIDTH={peak},AVERAGE-BANDWIDTH={average},CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO=\"audio\"\n720p.m3u8\n"));
    }

    [Test]
    public void Master_NoAudio_NoGroupAndVideoCodecOnly()
    {
        // Act
        var master = HlsPlaylists.Master([Video], []);

        // Assert
        Assert.That(master, Does.Not.Contain("EXT-X-MEDIA"));
        Assert.That(master, Does.Contain("CODECS=\"avc1.64001f\",RESOLUTION=1280x720,FRAME-RATE=29.970\n"));
    }

    [Test]
    public void IFrames_TwoFragments_RangeToEachKeyframeAndDeclaredInMaster()
    {
        // Act
        var playlist = HlsPlaylists.IFrames(Video);
        var master = HlsPlaylists.Master([Video], [Audio]);

        // Assert
        Assert.That(playlist, Is.EqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-I-FRAMES-ONLY\n#EXT-X-INDEPENDENT-SEGMENTS\n" +
            "#EXT-X-MAP:URI=\"720p.cmfv\",BYTERANGE=\"800@0\"\n" +
            "#EXTINF:2.000000,\n#EXT-X-BYTERANGE:60000@800\n720p.cmfv\n" +
            "#EXTINF:2.000000,\n#EXT-X-BYTERANGE:40000@500800\n720p.cmfv\n" +
            "#EXT-X-ENDLIST\n"));
        Assert.That(master, Does.Contain(
            $"#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH={60_000 * 8 / 2},AVERAGE-BANDWIDTH={100_000 * 8 / 4},CODECS=\"avc1.64001f\",RESOLUTION=1280x720,URI=\"720p-iframes.m3u8\"\n"));
    }

    // The 720p's AV1 twin and a 360p H.264 rung.
    private static readonly IndexedTrack Av1 = new(
        Video.Track with { Name = "720p-av1", FileName = "720p-av1.cmfv" },
        Video.Index with { Codec = "av01.0.05M.08" });

    private static readonly IndexedTrack Small = new(
        Video.Track with { Name = "360p", FileName = "360p.cmfv", Width = 640, Height = 360 },
        Video.Index with { Codec = "avc1.64001e" });

    [Test]
    public void Master_H264AndAv1_OneMasterAv1VariantsFirstEachWithItsCodecAndIFrames()
    {
        // Act
        var master = HlsPlaylists.Master([Video, Small, Av1], [Audio]);

        // Assert: a player that takes the first variant it can decode starts on AV1 if it decodes AV1.
        var variants = master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal)).ToList();
        Assert.That(variants.Select(v => v.Split("CODECS=")[1].Split(',')[0]), Is.EqualTo(new[] { "\"av01.0.05M.08", "\"avc1.64001f", "\"avc1.64001e" }));
        Assert.That(master, Does.Contain("CODECS=\"av01.0.05M.08,mp4a.40.2\",RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO=\"audio\"\n720p-av1.m3u8\n"));
        Assert.That(master, Does.Contain("CODECS=\"av01.0.05M.08\",RESOLUTION=1280x720,URI=\"720p-av1-iframes.m3u8\"\n"));
        Assert.That(master.Split("#EXT-X-I-FRAME-STREAM-INF").Length - 1, Is.EqualTo(3));
    }

    [Test]
    public void Master_SeveralAudioTracks_OneGroupWithRolesAndTheLargestAudioPeakInBandwidth()
    {
        // Arrange: English (default), French with a peak twice as high, English audio description, a commentary.
        var french = AudioLike("audio-fr-2", new AudioFacts("fr", "French", AudioRole.Alternate, false, 2), firstBytes: 40_000);
        var described = AudioLike("audio-en-3", new AudioFacts("en", "English (audio description)", AudioRole.Description, false, 1));
        var commentary = AudioLike("audio-en-4", new AudioFacts("en", "Director's commentary", AudioRole.Commentary, false, 2));

        // Act
        var master = HlsPlaylists.Master([Video], [Audio, french, described, commentary]);

        // Assert
        Assert.That(master.Split('\n').Where(l => l.StartsWith("#EXT-X-MEDIA:", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"French\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-fr-2.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English (audio description)\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,CHARACTERISTICS=\"public.accessibility.describes-video\",CHANNELS=\"1\",URI=\"audio-en-3.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"Director's commentary\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=NO,CHANNELS=\"2\",URI=\"audio-en-4.m3u8\"",
        }));
        // RFC 8216 4.3.4.2: every combination a player can pick, so the video's peak plus French's (its 1.6 s first
        // fragment of 40,000 bytes, or with the second, 60,000 bytes over 3.2 s: 200 kb/s).
        var peak = 500_000 * 8 / 2 + 40_000 * 8 / 1.6;
        Assert.That(master, Does.Contain(Invariant($"#EXT-X-STREAM-INF:BANDWIDTH={peak},")));
        Assert.That(master, Does.Contain("CODECS=\"avc1.64001f,mp4a.40.2\""));
    }

    [Test]
    public void Master_AudioOnlyOneTrack_OneAudioVariantNoGroup()
    {
        // Act
        var master = HlsPlaylists.Master([], [Audio]);

        // Assert: the audio playlist's peak (100 kb/s) and average (50,000 bytes over 4 s).
        Assert.That(master, Is.EqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=100000,AVERAGE-BANDWIDTH=100000,CODECS=\"mp4a.40.2\"\naudio.m3u8\n"));
    }

    [Test]
    public void Master_AudioOnlySeveralTracks_TheDefaultIsTheVariantTheOthersItsGroup()
    {
        // Arrange
        var english = AudioLike("audio-en-1", Audio.Track.Audio!);
        var french = AudioLike("audio-fr-2", new AudioFacts("fr", "French", AudioRole.Alternate, false, 2), firstBytes: 40_000);

        // Act
        var master = HlsPlaylists.Master([], [english, french]);

        // Assert: RFC 8216 4.3.4.1, a rendition with no URI is the one in the variant's own playlist.
        Assert.That(master, Is.EqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n" +
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"2\"\n" +
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",NAME=\"French\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,CHANNELS=\"2\",URI=\"audio-fr-2.m3u8\"\n" +
            "#EXT-X-STREAM-INF:BANDWIDTH=200000,AVERAGE-BANDWIDTH=140000,CODECS=\"mp4a.40.2\",AUDIO=\"audio\"\naudio-en-1.m3u8\n"));
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
